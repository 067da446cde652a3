"""The parts of the Documenten page (``ui.pages.documents_page``) that stand on their own: the
source box, the list of made documents, and printing, saving and exporting them."""
