"""Privacy: a parent's request about one pupil, purging a year, retention, the FG report."""
