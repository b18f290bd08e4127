"""A print-damaged text dropped into sources/ with no corrections file gets the generic repairs,
whatever its line ends or byte-order mark."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fidelity import check_fidelity

from cancun_reader.build.pipeline import convert, read_collection
from cancun_reader.core.model import Paragraph, PullQuote, Sidebar

FIXTURES = Path(__file__).parent / "fixtures" / "damaged"
ENCODINGS = {
    "LF": lambda text: text.encode("utf-8"),
    "CRLF and BOM": lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
    "CR": lambda text: text.replace("\n", "\r").encode("utf-8"),
}


def sources_with(tmp_path: Path, name: str, encode) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir(parents=True)
    (folder / name).write_bytes(encode((FIXTURES / name).read_text(encoding="utf-8")))
    return folder


@pytest.mark.parametrize("line_ends", ENCODINGS)
def test_a_damaged_text_is_repaired_without_corrections(tmp_path: Path, line_ends: str) -> None:
    folder = sources_with(tmp_path, "valley-cooperative.txt", ENCODINGS[line_ends])
    collection = read_collection(folder, tmp_path / "no-topics")
    (article,) = collection.articles
    assert [n.message for n in collection.notices if n.line] == [], "nothing left unresolved"
    texts = [b.text for b in article.blocks if hasattr(b, "text")]
    assert (
        "a school for the children of the pickers. The second year brought a drought, and with it the first"
        " real test of the members' patience." in " ".join(texts)
    )
    assert (
        "but the cooperative kept its promise to the pickers and paid them before anyone else."
        in [b.text for b in article.blocks if isinstance(b, Paragraph)][-1]
    )
    # the table under its own title after the text's end mark is a box, as the board's list is
    assert [type(b).__name__ for b in article.blocks if isinstance(b, PullQuote | Sidebar)] == [
        "Sidebar",
        "PullQuote",
        "Sidebar",
    ]
    shutil.copy(FIXTURES / "valley-cooperative.txt", tmp_path / "original.txt")
    check_fidelity(article, tmp_path / "original.txt")


def test_line_ends_and_byte_order_mark_do_not_change_the_page(tmp_path: Path) -> None:
    pages = []
    for index, encode in enumerate(ENCODINGS.values()):
        folder = sources_with(tmp_path / str(index), "valley-cooperative.txt", encode)
        pages.append(convert(folder, tmp_path / "no-topics").pages["articles/valley-cooperative.md"])
    assert pages[0] == pages[1] == pages[2]
