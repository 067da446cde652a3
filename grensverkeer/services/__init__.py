"""The use cases of the core, on the database: one subpackage per thing the program does.

* ``imports``: reading files into the database (the pipeline, its check, log, mappings, aliases).
* ``years``: what users keep per school year (settings, membership, inhabitants, tariffs).
* ``matrices``: the counted matrix of a school year, its filters and the pupils behind a cell.
* ``settling``: a year's settlement and the analysis (balance, scenarios, SWV flows).
* ``plans``: finalised plans, what a year needs first, and who pays for one pupil.
* ``privacy``: a parent's request, purging a year, the retention and the FG's report.
* ``demo``: the demo region.
"""
