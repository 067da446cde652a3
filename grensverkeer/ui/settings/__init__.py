"""The tabs of the Instellingen page (``ui.pages.settings_page``), one module per tab, so
that each stays small enough to read at once."""
