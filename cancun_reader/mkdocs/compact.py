"""Built pages made lighter without changing what a reader sees or a program reads.

The theme's templates indent their markup for the people who write them: a third of the frame of
each page (its header, navigation and footer) is spaces. A browser shows a run of white space as
one space, so the indentation after a line break is dropped; where white space is shown as it is
(`<pre>`, `<textarea>`) or is code (`<script>`, `<style>`), the page is left as it was.
"""

from __future__ import annotations

import re

KEPT_AS_IS = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
"""Elements whose white space is shown as it is, or is code."""

INDENTATION = re.compile(r"\n[ \t\r\n]+")
"""A line break followed by more white space: the indentation of the next line, blank lines."""


def drop_indentation(page: str) -> str:
    """The page with each line break's following white space (indentation, blank lines) removed,
    outside the elements that keep their white space.

    >>> drop_indentation("<nav>\\n    <ul>\\n\\n      <li>Home</li>\\n    </ul>\\n</nav>")
    '<nav>\\n<ul>\\n<li>Home</li>\\n</ul>\\n</nav>'

    Negative: code and preformatted text keep every space, and a line break stays a space.
    >>> drop_indentation("<pre>a\\n    b</pre>\\n  <script>x\\n  y</script>")
    '<pre>a\\n    b</pre>\\n<script>x\\n  y</script>'
    >>> drop_indentation("<p>the\\n   words</p>")
    '<p>the\\nwords</p>'
    """
    out, last = [], 0
    for kept in KEPT_AS_IS.finditer(page):
        out += [INDENTATION.sub("\n", page[last : kept.start()]), kept.group()]
        last = kept.end()
    out.append(INDENTATION.sub("\n", page[last:]))
    return "".join(out)
