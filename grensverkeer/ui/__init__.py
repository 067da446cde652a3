"""The desktop application (PySide6). Only this package imports Qt; it calls the same services as
the command line and keeps no business rules of its own."""
