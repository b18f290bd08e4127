"""Stage 1, read: bytes on disk → text, refusing what is not a text we can trust to decode."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError

BYTE_ORDER_MARK = "\ufeff"


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
    """Read and decode one source file."""
    return decode_text(read_bytes(path), display_path(path))


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with links followed, lies inside `folder`."""
    return os.path.commonpath([path.resolve(), folder.resolve()]) == str(folder.resolve())
