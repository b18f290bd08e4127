"""The corrections file next to a text (`<name>.corrections.yml`), read and checked at the edge:
each directive a known action with the keys it takes and needs, every problem named with the file
and the directive's line (`corrections.py` says what each directive does)."""

from __future__ import annotations

from pathlib import Path

from cancun_reader.core.errors import InputError
from cancun_reader.sources.read import display_path, read_text
from cancun_reader.sources.yaml_nodes import compose, line_of, scalar, sequence_of_mappings
from cancun_reader.text.corrections import ACTIONS, Directive
from cancun_reader.text.quoting import normalize_quote

SUFFIX = ".corrections.yml"


def corrections_path(source: Path) -> Path:
    """The corrections file of a source text: `sources/x.txt` → `sources/x.corrections.yml`."""
    return source.with_name(source.stem + SUFFIX)


def load_corrections(path: Path) -> list[Directive]:
    if not path.exists():
        return []
    shown = display_path(path)
    nodes = sequence_of_mappings(compose(read_text(path), shown), shown, "directives")
    return [directive_of(node, shown) for node in nodes]


def directive_of(node, shown: str) -> Directive:
    # Quotations keep their spaces: `delete: "prise. "` removes the space too.
    values = {str(k.value): scalar(v, str(k.value), shown, strip=False) for k, v in node.value}
    actions = [ACTIONS[key] for key in values if key in ACTIONS]
    if any(not value.strip() for value in values.values()):
        raise InputError(shown, "a directive has an empty value; quote the words it is about", line_of(node))
    if len(actions) != 1:
        raise InputError(shown, f"each directive needs exactly one of: {', '.join(ACTIONS)}", line_of(node))
    action = actions[0]
    allowed = {action.name, "why", "occurrence", *action.takes}
    for key in values:
        if key not in allowed:
            raise InputError(
                shown,
                f"'{key}' does not go with '{action.name}'; it takes {', '.join(sorted(allowed))}",
                line_of(node),
            )
    for key in action.needs:
        if key not in values:
            raise InputError(shown, f"'{action.name}' needs '{key}'", line_of(node))
    options = {k: normalize_quote(v) for k, v in values.items() if k not in (action.name, "why")}
    if not options.get("occurrence", "1").isdigit() or options.get("occurrence") == "0":
        raise InputError(
            shown, "'occurrence' is a number from 1: which of the quotation's places", line_of(node)
        )
    return Directive(action, normalize_quote(values[action.name]), options, line_of(node), shown)
