"""Shared fixtures: every test gets its own pseudonym key and user directories."""
