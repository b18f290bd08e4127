"""Escaping: the one place where untrusted source text becomes Markdown or HTML.

Source text is untrusted data. It reaches Markdown only through `escape_text`, the one place where
escaping happens, so nothing a text contains can become markup, HTML or an include. Four pieces
of markup are made on purpose, each by an explicit rule: `*emphasis*` around words as the texts
write titles (`EMPHASIS`), web addresses as links (`WEB_ADDRESS`), note markers as links to their
footnotes (`NOTE_MARKER`), and the first mention of a topic in a section as a link to its page
(`TopicLinks`).
"""

from __future__ import annotations

import html
import re
import unicodedata

import yaml

from cancun_reader.core.prose.words import SUPERSCRIPT_DIGITS

EMPHASIS = re.compile(r"(?<![\w*\\])\*(?P<inner>[^\s*](?:[^*\n]*[^\s*])?)\*(?![\w*])")
"""Single asterisks around words, as the texts mark titles and foreign names: `*Vía Campesina*`."""

WEB_ADDRESS = re.compile(
    r"(?<![\w@/.])(?P<scheme>https?://)?(?P<host>(?(scheme)|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
    r"(?P<path>/[A-Za-z0-9._~/%-]*)?"
)
"""A web address as the texts print them, `www.rmalc.org.mx` or `http://…`; nothing but http(s)."""

NOTE_MARKER = re.compile(r"(?<=[\w.,;:!?\"”’)*])(?P<number>[" + SUPERSCRIPT_DIGITS + "]+)")
"""A note marker set as superscript digits after a word or punctuation: `struggles.¹`."""

INLINE = re.compile(
    f"(?P<emphasis>{EMPHASIS.pattern})|(?P<address>{WEB_ADDRESS.pattern})|(?P<note>{NOTE_MARKER.pattern})"
)

MAY_HOLD_MARKUP = re.compile(r"\*|www\.|https?://|[" + SUPERSCRIPT_DIGITS + "]")
"""Whether a text may hold what the rules above keep; text without it is only escaped."""

ALWAYS_ESCAPED = re.compile(r"[\\`*_\[\]{}]")
"""Characters that can start Markdown markup anywhere in a line: backslash-escaped."""

LINE_START_MARKUP = re.compile(r"^(?:[#+-]|\d+[.)])")
"""What makes markup only at the start of a line: headings, list items, numbered items."""

DEFINITION_START = re.compile(r"(?m)^( {0,3}):")
"""A colon that starts a line makes a definition (`def_list`, for the glossary), on any line of a
block: written as an entity, which Markdown leaves alone and the browser shows as a colon."""

HTML_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _escape_plain(text: str) -> str:
    text = text.translate(HTML_SPECIAL)
    return ALWAYS_ESCAPED.sub(lambda m: "\\" + m[0], text)


class TopicLinks:
    """Where a mention of each topic links: `mentions` is the combined mention pattern (a group
    `t<index>` per topic), `hrefs` the page of each topic by index. Nothing here changes; the
    links of one section, which link each topic at its first mention only, are `for_section`'s."""

    def __init__(self, mentions: re.Pattern[str], hrefs: list[str]) -> None:
        self.mentions = mentions
        self.pattern = re.compile(f"{INLINE.pattern}|(?P<topic>(?i:{mentions.pattern}))")
        self.hrefs = hrefs

    def for_section(self) -> SectionLinks:
        return SectionLinks(self)


class SectionLinks:
    """The topic links of one section, made where it begins: a topic is linked at its first mention
    in the section, and only there."""

    def __init__(self, topics: TopicLinks) -> None:
        self.pattern = topics.pattern
        self.hrefs = topics.hrefs
        self.linked: set[int] = set()

    def link(self, match: re.Match[str]) -> str:
        index = next(int(k[1:]) for k, v in match.groupdict().items() if v and re.fullmatch(r"t\d+", k))
        escaped = _escape_plain(match[0])
        if index in self.linked:
            return escaped
        self.linked.add(index)
        return f"[{escaped}]({self.hrefs[index]})"


def _inline(match: re.Match[str], notes: frozenset[str], topics: SectionLinks | None) -> str:
    if match.groupdict().get("topic") is not None and topics:
        return topics.link(match)
    if match["emphasis"] is not None:
        return "*" + _escape_plain(match["inner"]) + "*"
    if match["address"] is not None:
        scheme = match["scheme"] or "http://"
        address = match["address"]
        return f"[{_escape_plain(address)}]({scheme}{address.removeprefix(scheme)})"
    number = unicodedata.normalize("NFKC", match["number"])
    return f"[^{number}]" if number in notes else _escape_plain(match[0])


def escape_text(text: str, *, notes: frozenset[str] = frozenset(), topics: SectionLinks | None = None) -> str:
    """Turn untrusted source text into Markdown that shows exactly that text.

    >>> escape_text("<script>alert(1)</script> [x](javascript:y) *Vía Campesina*")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\[x\\\\](javascript:y) *Vía Campesina*'
    >>> escape_text("1999. Seattle")
    '1999\\\\. Seattle'
    >>> escape_text(": a definition?")
    '&#58; a definition?'
    >>> escape_text("See www.rmalc.org.mx, and struggles.¹", notes=frozenset({"1"}))
    'See [www.rmalc.org.mx](http://www.rmalc.org.mx), and struggles.[^1]'
    """
    if topics is None and not MAY_HOLD_MARKUP.search(text):
        escaped = _escape_plain(text)  # most sentences: nothing to keep, only characters to escape
    else:
        out: list[str] = []
        position = 0
        for match in (topics.pattern if topics else INLINE).finditer(text):
            out.append(_escape_plain(text[position : match.start()]))
            out.append(_inline(match, notes, topics))
            position = match.end()
        out.append(_escape_plain(text[position:]))
        escaped = "".join(out)
    start = LINE_START_MARKUP.match(escaped)
    if start:
        marker = start[0]
        escaped = marker[:-1] + "\\" + escaped[len(marker) - 1 :]
    return DEFINITION_START.sub(r"\1&#58;", escaped)


def escape_html(text: str) -> str:
    """Untrusted text inside an HTML element that Markdown does not look into.

    >>> escape_html('<b onclick="x">')
    '&lt;b onclick=&quot;x&quot;&gt;'
    """
    return html.escape(text, quote=True)


INERT = {ord(c): f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-.!|~:"}


def escape_inert(text: str) -> str:
    """Untrusted text inside inline HTML (an attribute, or a tag's content) that Markdown must not
    read at all: every character it could take for markup becomes a character reference, which
    Markdown keeps and the browser shows as the character.

    >>> escape_inert('a `b` [c](d) *e* <f> "g"')
    'a &#96;b&#96; &#91;c&#93;&#40;d&#41; &#42;e&#42; &#60;f&#62; &#34;g&#34;'
    """
    return text.translate(INERT)


def escape_code(text: str) -> str:
    """Untrusted text shown as inline code; HTML-escaped, since Markdown does not look inside.

    >>> escape_code("sources/a`b<c>.txt")
    '<code>sources/a`b&lt;c&gt;.txt</code>'
    """
    return "<code>" + html.escape(text, quote=False) + "</code>"


def escape_meta(text: str) -> str:
    """A value the theme puts into HTML as it is: `<`, `>`, `&` and `"` escaped; apostrophes kept,
    as the theme only ever quotes attributes with `"`."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def meta_value(value: object) -> object:
    """A value of the front matter with every string in it HTML-escaped; numbers and booleans stay
    what they are.

    >>> meta_value({"search": {"exclude": True}, "boost": 4, "title": "A & B"})
    {'search': {'exclude': True}, 'boost': 4, 'title': 'A &amp; B'}
    """
    if isinstance(value, dict):
        return {k: meta_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [meta_value(v) for v in value]
    if isinstance(value, int | float | bool):
        return value
    return escape_meta(str(value))


SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when PyYAML has it (five times as fast), which writes the same YAML."""


def front_matter(meta: dict[str, object]) -> str:
    """YAML front matter, dumped by the YAML library so no value can break out of it. The theme
    puts these values into HTML as they are (the title into the navigation, the description into
    an attribute), so they are HTML-escaped here.

    >>> print(front_matter({"title": "<b onclick=x>A & B</b>", "tags": ["G21"]}), end="")
    ---
    title: '&lt;b onclick=x&gt;A &amp; B&lt;/b&gt;'
    tags:
    - G21
    ---
    """
    dumped = yaml.dump(
        meta_value(meta), Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=10_000
    )
    return f"---\n{dumped}---\n"
