"""The charts a page draws as SVG (the bar chart, the timeline, the members' map), made images of
a book: an SVG file each, with the colours the site's stylesheet gives them written in (a reader's
stylesheet does not reach into an image), and their title and description as the text
alternative. An e-reader shows an `<img>` with `alt` where it might drop an inline `<svg>`, and a
tagged PDF gets a figure with its alternative."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

SVG = "http://www.w3.org/2000/svg"

STYLE = """
.bar { fill: #3f51b5; }
text { font-family: "DejaVu Sans", sans-serif; fill: #1a1a1a; }
.bar-chart text { font-size: 14px; }
.timeline-chart circle, .timeline-chart rect { fill: #3f51b5; }
.timeline-chart line { stroke: #8a8a8a; stroke-width: 1; }
.timeline-chart text { font-size: 13px; text-anchor: middle; }
.timeline-chart .panel-label { text-anchor: start; font-weight: 700; }
.world-map path { fill: #e3e3e3; stroke: #ffffff; stroke-width: 0.5; }
.world-map path.named { fill: #3f51b5; }
.world-map .marker circle { fill: #ffffff; stroke: #1a1a1a; stroke-width: 1; }
.world-map .marker text { font-size: 9px; font-weight: 700; text-anchor: middle; }
"""
"""The site's chart colours (`reader.css`, light palette), for an image outside the site."""

SVG_CASE = {
    name.lower(): name
    for name in [
        "viewBox",
        "preserveAspectRatio",
        "textLength",
        "lengthAdjust",
        "gradientUnits",
        "gradientTransform",
        "patternUnits",
        "clipPathUnits",
        "markerWidth",
        "markerHeight",
        "refX",
        "refY",
        "clipPath",
        "linearGradient",
        "radialGradient",
        "textPath",
        "foreignObject",
    ]
}
"""SVG's names in mixed case, which an HTML parser gives in lower case (the HTML standard's table
of adjusted SVG names, the part an SVG drawn by this project could use)."""


@dataclass(frozen=True)
class Figure:
    name: str  # the file's name in the book: `figures/topics-g21-1.svg`
    svg: bytes


def alternative(svg: HtmlElement) -> str:
    """What an image says to a reader who cannot see it: its title, then its description.

    >>> svg = lxml.html.fromstring('<svg><title>Events</title><desc>13 September: march.</desc></svg>')
    >>> alternative(svg)
    'Events. 13 September: march.'
    >>> alternative(lxml.html.fromstring('<svg><rect/></svg>'))
    ''
    """
    parts = [" ".join(e.text_content().split()) for e in svg.iter("title", "desc")]
    return ". ".join(p.rstrip(".") for p in parts if p) + ("." if any(parts) else "")


def standalone(svg: HtmlElement) -> bytes:
    """An inline SVG as a file of its own: in the SVG namespace, links made inert, colours in."""
    markup = lxml.html.tostring(svg, encoding="unicode")
    tree = lxml.etree.fromstring(markup.encode(), lxml.etree.XMLParser(recover=True))
    for element in tree.iter():
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = f"{{{SVG}}}{SVG_CASE.get(element.tag, element.tag)}"
        for key in [key for key in element.attrib if key in SVG_CASE]:
            element.set(SVG_CASE[key], element.attrib.pop(key))
    for link in list(tree.iter(f"{{{SVG}}}a")):  # an image's links cannot be followed
        link.tag = f"{{{SVG}}}g"
        link.attrib.clear()
    style = lxml.etree.Element(f"{{{SVG}}}style")
    style.text = STYLE
    tree.insert(0, style)
    for attribute in ("role", "aria-labelledby", "width"):
        if attribute in tree.attrib:
            del tree.attrib[attribute]
    _, _, width, height = str(tree.get("viewBox")).split()  # every chart is drawn with its viewBox
    tree.set("width", width)
    tree.set("height", height)
    return lxml.etree.tostring(tree, xml_declaration=True, encoding="utf-8")


def take_figures(article: HtmlElement, name: str) -> list[Figure]:
    """Each chart of a chapter replaced by an image of it, in place; the images to put beside the
    chapter. Icons (an `<svg>` with no title) are dropped: they say nothing a reader needs."""
    figures: list[Figure] = []
    for svg in list(article.iter("svg")):
        text = alternative(svg)
        if not text:
            svg.drop_tree()
            continue
        figure = Figure(f"figures/{name}-{len(figures) + 1}.svg", standalone(svg))
        figures.append(figure)
        image = lxml.html.Element("img", src=figure.name, alt=text)
        image.set("class", "figure-image")
        image.tail = svg.tail
        svg.getparent().replace(svg, image)
    return figures
