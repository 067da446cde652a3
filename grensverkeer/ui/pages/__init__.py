"""One module per screen; each page is a ``Page``."""
