"""The counted matrix of a school year, its filters, and the pupils behind one cell."""
