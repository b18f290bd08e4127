"""A world map drawn at build time as SVG, the countries a text names highlighted and numbered.

The shapes are Natural Earth's admin-0 countries at 1:110m, as the npm package `world-atlas` ships
them (TopoJSON, installed with the site's other front-end files by `npm ci`); they are projected
with the Equal Earth projection. Nothing is fetched, at build time or when the page is read. The
numbers refer to a list under the map, which is also its text alternative."""

from __future__ import annotations

import json
import math
from pathlib import Path

from cancun_reader.core.escape import escape_html

SHAPES = Path("node_modules/world-atlas/countries-110m.json")
"""Where `npm ci` puts the shapes, from the project's root."""

WIDTH = 720
MARKER = 10  # the radius of a number's circle, whose number is set in 11 units (reader.css)

Point = tuple[float, float]
Ring = list[Point]


def decode_arcs(topology: dict) -> list[Ring]:
    """The arcs of a quantized TopoJSON topology, as longitude and latitude: each arc's positions
    are deltas from the one before, in the topology's integer grid.

    >>> decode_arcs({"transform": {"scale": [1, 1], "translate": [0, 0]}, "arcs": [[[1, 2], [3, -1]]]})
    [[(1, 2), (4, 1)]]
    """
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring_of(indexes: list[int], arcs: list[Ring]) -> Ring:
    """A ring from its arcs; a negative index `~i` is arc `i` reversed. Consecutive arcs share an
    end point, kept once. A ring that crosses the 180th meridian is unwrapped (its longitudes run on
    past 180), so that it is not drawn as a line across the whole map; the map's edge clips it.

    >>> ring_of([0], [[(170, 0), (-170, 0), (-170, 5)]])
    [(170.0, 0), (190.0, 0), (190.0, 5)]
    """
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    unwrapped: Ring = []
    shift = 0.0
    for longitude, latitude in ring:
        if unwrapped and abs(longitude + shift - unwrapped[-1][0]) > 180:
            shift += 360 if unwrapped[-1][0] > longitude + shift else -360
        unwrapped.append((longitude + shift, latitude))
    return unwrapped


def countries(topology: dict) -> dict[str, list[Ring]]:
    """Every country's rings (outer and holes alike, for an even-odd fill), by its name."""
    arcs = decode_arcs(topology)
    shapes: dict[str, list[Ring]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        rings = [ring_of(r, arcs) for polygon in polygons.get(geometry["type"], []) for r in polygon]
        shapes.setdefault(geometry["properties"]["name"], []).extend(rings)
    return shapes


A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
EDGE = math.pi * 1.0 / (M * A1)  # the half-width of the map at the equator, in projected units


def equal_earth(longitude: float, latitude: float) -> Point:
    """The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), in units of the earth's radius.

    >>> equal_earth(0, 0)
    (0.0, 0.0)
    >>> round(equal_earth(180, 0)[0], 4) == round(EDGE, 4)
    True
    """
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


SCALE = WIDTH / (2 * EDGE)
TOP = equal_earth(0, 84)[1]  # the map runs from 84° north …
SOUTH = -58
BOTTOM = equal_earth(0, SOUTH)[1]  # … to 58° south: Antarctica left out
HEIGHT = round((TOP - BOTTOM) * SCALE)


def to_svg(point: Point) -> Point:
    x, y = equal_earth(*point)
    return (x + EDGE) * SCALE, (TOP - y) * SCALE


def path_of(rings: list[Ring]) -> str:
    """SVG path data for a country's rings, in whole pixels (the map is 720 wide)."""
    parts = []
    for ring in rings:
        points = [to_svg(p) for p in ring]
        parts.append("M" + "L".join(f"{x:.0f},{y:.0f}" for x, y in points) + "Z")
    return "".join(parts)


def label_point(rings: list[Ring]) -> Point:
    """Where a country's number goes: the centroid of its largest ring, as drawn."""

    def area_and_centroid(ring: Ring) -> tuple[float, Point]:
        points = [to_svg(p) for p in ring]
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if not area:
            return 0.0, points[0]
        return abs(area) / 2, (cx / (3 * area), cy / (3 * area))

    return max((area_and_centroid(r) for r in rings if len(r) > 2), key=lambda found: found[0])[1]


def spread(points: list[Point], gap: float = 2 * MARKER + 1, rounds: int = 60) -> list[Point]:
    """Numbers moved apart, as little as needed, where their circles would overlap.

    >>> spread([(10.0, 10.0), (12.0, 10.0)])[1][0] - spread([(10.0, 10.0), (12.0, 10.0)])[0][0] >= 17
    True
    """
    moved = [list(p) for p in points]
    for _ in range(rounds):
        clash = False
        for i, a in enumerate(moved):
            for b in moved[i + 1 :]:
                dx, dy = b[0] - a[0], b[1] - a[1]
                distance = math.hypot(dx, dy)
                if distance < gap:
                    clash = True
                    ux, uy = (dx / distance, dy / distance) if distance else (1.0, 0.0)
                    push = (gap - distance) / 2 + 0.01
                    a[0], a[1], b[0], b[1] = (
                        a[0] - ux * push,
                        a[1] - uy * push,
                        b[0] + ux * push,
                        b[1] + uy * push,
                    )
        if not clash:
            break
    return [(x, y) for x, y in moved]


def load_shapes(path: Path) -> dict[str, list[Ring]]:
    return countries(json.loads(path.read_text(encoding="utf-8")))


def world_map(
    shapes: dict[str, list[Ring]], named: list[str], title: str, map_id: str
) -> tuple[str, list[str]]:
    """The map, every country drawn and those `named` highlighted and numbered in their order; and
    the names it has no shape for (to be said, never silently dropped)."""
    found = [name for name in named if name in shapes]
    missing = [name for name in named if name not in shapes]
    numbers = spread([label_point(shapes[name]) for name in found])
    description = "Highlighted and numbered: " + ", ".join(f"{i}. {name}" for i, name in enumerate(found, 1))
    parts = [
        f'<svg class="world-map" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'aria-labelledby="{map_id}-title {map_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{map_id}-title">{escape_html(title)}</title>',
        f'<desc id="{map_id}-desc">{escape_html(description)}.</desc>',
    ]
    for name, rings in sorted(shapes.items()):
        if all(latitude < SOUTH for ring in rings for _, latitude in ring):
            continue  # Antarctica and the islands near it are below the map
        kind = "named" if name in found else "country"
        shape = f'<path class="{kind}" fill-rule="evenodd" d="{path_of(rings)}">'
        parts.append(f"{shape}<title>{escape_html(name)}</title></path>")
    for number, (x, y) in enumerate(numbers, 1):
        parts.append(
            f'<g class="marker"><circle cx="{x:.1f}" cy="{y:.1f}" r="{MARKER}"/>'
            f'<text x="{x:.1f}" y="{y:.1f}" dy="0.35em">{number}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts), missing
