"""Grensverkeer: the flows of pupils with care at school across municipal borders, and their settlement."""

__version__ = "0.1.0"
