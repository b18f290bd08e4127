"""Read: bytes on disk → text, refusing what is not a text we can trust to decode."""

from __future__ import annotations

import os
import re
from pathlib import Path

from cancun_reader.core.errors import InputError
from cancun_reader.core.model import Entry, Notice, Source
from cancun_reader.pdf.document import read_pdf

BYTE_ORDER_MARK = "\ufeff"

UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
"""The byte-order marks of UTF-16: text saved by some Windows editors. The mark makes it certain."""

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
"""Control characters no text means to show (tab, line feed and carriage return excepted, and the
form feed, which PDF extractors put between pages: the layout stage reads it as a page break)."""


FileFacts = tuple[int, int, int, int] | None


def file_facts(path: Path) -> FileFacts:
    """What the file system says of a file that changes when it is written: its size, times and
    inode; None for no file."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when it is inside it."""
    absolute = Path(os.path.abspath(path))  # not resolve(): a link is shown where it is, not its target
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(display_path(path), "file not found") from None
    except OSError as error:
        raise InputError(display_path(path), f"cannot read it ({error.strerror})") from None


def line_of_offset(data: bytes, offset: int) -> int:
    """The 1-based line number of a byte offset.

    >>> line_of_offset(b"a\\nb\\nc", 4)
    3
    """
    return data.count(b"\n", 0, offset) + 1


def decode_source(data: bytes, shown_as: str) -> tuple[str, list[Notice]]:
    r"""Decode a source text, saying what had to be done to it: UTF-16 with its byte-order mark is
    decoded (the mark makes it certain) with a warning; control characters are removed with one.

    >>> decode_source(b"\xff\xfeO\x00K\x00", "x.txt")[1][0].message
    'is UTF-16; decoded it, but save it as UTF-8'
    >>> str(decode_source(b"one\n\x07two\x1b", "x.txt")[1][0])
    'x.txt:2: had 2 control characters, removed (the first on this line)'
    """
    notices = []
    if data.startswith(UTF16_MARKS):
        text = data.decode("utf-16").replace("\r\n", "\n").replace("\r", "\n")
        notices.append(Notice("is UTF-16; decoded it, but save it as UTF-8", shown_as))
    else:
        text = decode_text(data, shown_as)
    controls = CONTROL_CHARACTERS.findall(text)
    if controls:
        first = CONTROL_CHARACTERS.search(text)
        line = text.count("\n", 0, first.start() if first else 0) + 1
        notices.append(
            Notice(
                f"had {len(controls)} control characters, removed (the first on this line)", shown_as, line
            )
        )
        text = CONTROL_CHARACTERS.sub("", text)
    return text, notices


def decode_text(data: bytes, shown_as: str) -> str:
    """Decode UTF-8 source bytes, drop a byte-order mark and normalise CRLF and lone CR line ends.

    >>> decode_text(b"\\xef\\xbb\\xbfone\\r\\ntwo\\rthree", "x.txt")
    'one\\ntwo\\nthree'

    Bytes that are not UTF-8 are refused with the line and offset of the first bad byte, since a
    guessed encoding would silently change the author's words.
    """
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(
            shown_as,
            f"contains a NUL byte at offset {offset}: this is not a text file",
            line_of_offset(data, offset),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        raise InputError(
            shown_as,
            f"is not UTF-8 (byte 0x{bad:02x} at offset {error.start}); save it as UTF-8 and build again",
            line_of_offset(data, error.start),
        ) from None
    text = text.removeprefix(BYTE_ORDER_MARK)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """Read and decode one file the editors keep (catalog, corrections, topics): UTF-8 only."""
    return decode_text(read_bytes(path), display_path(path))


def read_source(path: Path, entry: Entry) -> tuple[Source, list[Notice]]:
    """Read one source file (see `source_of`)."""
    return source_of(read_bytes(path), display_path(path), entry)


def source_of(data: bytes, shown: str, entry: Entry) -> tuple[Source, list[Notice]]:
    """A source text decoded from its bytes, with what had to be done to it; or a PDF's text, with
    what its page shows of the lines (`pdf/document.py`)."""
    if entry.is_pdf:
        text, printed = read_pdf(data, shown)
        return Source(shown, text, entry, printed), []
    text, notices = decode_source(data, shown)
    return Source(shown, text, entry), notices


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with links followed, lies inside `folder` (given resolved)."""
    if not path.is_symlink() and path.parent == folder:
        return True  # the usual case, without asking the file system to resolve anything
    return os.path.commonpath([path.resolve(), folder]) == str(folder)
