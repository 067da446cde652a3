"""Writers of the demo files, one module per format."""
