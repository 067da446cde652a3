"""What users keep per school year: settings, region membership, inhabitants and tariffs."""
