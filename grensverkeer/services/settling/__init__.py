"""A school year's settlement, and the analysis: balance, scenarios and SWV flows."""
