"""Finalised settlement plans, what a year must have first, and who pays for one pupil."""
