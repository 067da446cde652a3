"""Maps and charts of the grensverkeer, computed once without Qt or reportlab.

``geo`` reads the bundled boundaries and projects them; ``flowmap`` turns a matrix into a
``picture.Picture`` (areas, arrows, labels, legend); ``trend`` does the same for the school
years side by side; ``svg`` writes a picture as SVG. The window (``ui.picture_view``) and the
PDF (``documents.pictures``) translate the same picture, so all three look alike.
"""
