"""Importing files: the pipeline, its dry run, what is stored, the log, mappings and aliases."""
