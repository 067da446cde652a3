"""Grensverkeer: pupils with care at school across municipal borders, and settling the costs."""

__version__ = "0.1.0"
