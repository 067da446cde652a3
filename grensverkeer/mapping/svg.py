"""A ``Picture`` as an SVG document: plain SVG 1.1 that browsers, Inkscape and PowerPoint open.

Hover texts become ``<title>`` elements, so the numbers stay available in the file too.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from grensverkeer.mapping.picture import Circle, Line, Path, Picture, Text

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _path_data(rings: tuple[tuple[tuple[float, float], ...], ...]) -> str:
    parts = []
    for ring in rings:
        points = " L".join(f"{_number(x)} {_number(y)}" for x, y in ring)
        parts.append(f"M{points} Z")
    return " ".join(parts)


def _title(tip: str) -> str:
    return f"<title>{escape(tip)}</title>" if tip else ""


def to_svg(picture: Picture) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_number(picture.width)}pt" '
        f'height="{_number(picture.height)}pt" '
        f'viewBox="0 0 {_number(picture.width)} {_number(picture.height)}">',
        f"<title>{escape(picture.title or 'Kaart grensverkeer')}</title>",
        f'<rect width="100%" height="100%" fill="#ffffff"/><g font-family="{FONT}">',
    ]
    for item in picture.items:
        if isinstance(item, Path):
            stroke = (
                f' stroke="{item.stroke}" stroke-width="{_number(item.stroke_width)}"'
                f' stroke-linejoin="round"' + (' stroke-dasharray="3 2"' if item.dashed else "")
                if item.stroke and item.stroke_width
                else ""
            )
            out.append(
                f'<path d="{_path_data(item.rings)}" fill="{item.fill or "none"}" '
                f'fill-rule="evenodd"{stroke}>{_title(item.tip)}</path>'
            )
        elif isinstance(item, Line):
            points = " ".join(f"{_number(x)},{_number(y)}" for x, y in item.points)
            dash = ' stroke-dasharray="3 2"' if item.dashed else ""
            out.append(
                f'<polyline points="{points}" fill="none" stroke="{item.stroke}" '
                f'stroke-width="{_number(item.width)}"{dash}/>'
            )
        elif isinstance(item, Circle):
            stroke = f' stroke="{item.stroke}" stroke-width="0.8"' if item.stroke else ""
            out.append(
                f'<circle cx="{_number(item.centre[0])}" cy="{_number(item.centre[1])}" '
                f'r="{_number(item.radius)}" fill="{item.fill}"{stroke}>{_title(item.tip)}</circle>'
            )
        elif isinstance(item, Text):
            out.append(_text(item))
    out.append("</g></svg>")
    return "\n".join(out) + "\n"


def _text(item: Text) -> str:
    style = [
        f'x="{_number(item.at[0])}" y="{_number(item.at[1])}"',
        f'font-size="{_number(item.size)}"',
        f'fill="{item.colour}"',
        f'text-anchor="{item.anchor}"',
    ]
    if item.bold:
        style.append('font-weight="bold"')
    if item.italic:
        style.append('font-style="italic"')
    body = escape(item.text)
    if item.halo:
        halo = (
            f'<text {" ".join(style)} stroke={quoteattr(item.halo)} stroke-width="2.4" '
            f'stroke-linejoin="round">{body}</text>'
        )
        return halo + f"<text {' '.join(style)}>{body}</text>"
    return f"<text {' '.join(style)}>{body}</text>"
