"""What a PDF's page shows, as data: its glyphs gathered into runs of type, its drawn rectangles
and its pictures, each where the page puts it (points, from the page's top-left corner).

Nothing here reads a file: `glyphs.py` fills these from a PDF; the other modules of this stage
read them.
"""

from __future__ import annotations

from dataclasses import dataclass

BULLETS = "•‣◦▪–-*·"
"""Marks a list's item may begin with as letters."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, in points from its top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def holds(self, other: Box, slack: float = 1.0) -> bool:
        """Whether `other` lies inside this rectangle (within `slack` points)."""
        return (
            other.x0 >= self.x0 - slack
            and other.x1 <= self.x1 + slack
            and other.top >= self.top - slack
            and other.bottom <= self.bottom + slack
        )


@dataclass(frozen=True)
class Style:
    """How a run of type is set: its font (without a subset's tag), size, weight and slant."""

    font: str
    size: float
    bold: bool = False
    italic: bool = False

    def key(self) -> tuple[str, float, bool, bool]:
        """The style as compared with others: the size to a quarter point."""
        return (self.font, round(self.size * 4) / 4, self.bold, self.italic)


@dataclass(frozen=True)
class Glyph:
    """One printed character: its text, where it stands (its advance box), its baseline, its style;
    and whether the text layer puts a space before it (a hint, which the gaps confirm or not)."""

    text: str
    box: Box
    baseline: float
    style: Style
    spaced: bool = False


@dataclass(frozen=True)
class Run:
    """Glyphs set one after another on a baseline, with no gap wider than a word space: a line, or
    the part of one that a column's gutter (or a wide justified space) does not cut. Its words are
    told apart by the gaps the page leaves between glyphs, not by the text layer's spaces."""

    text: str
    box: Box
    baseline: float
    style: Style  # the style most of its letters have
    glyphs: tuple[Glyph, ...] = ()


@dataclass(frozen=True)
class Drawing:
    """A rectangle the page draws (a path's bounds): filled, stroked or both; a rule is a thin one."""

    box: Box
    filled: bool
    stroked: bool

    @property
    def is_rule(self) -> bool:
        return min(self.box.width, self.box.height) < 2.5


@dataclass(frozen=True)
class Page:
    """A page as data: its number (from 1), its size, its runs of type, drawings and pictures."""

    number: int
    width: float
    height: float
    runs: tuple[Run, ...]
    drawings: tuple[Drawing, ...] = ()
    pictures: tuple[Box, ...] = ()
