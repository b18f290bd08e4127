"""The corrections file next to a text (`<name>.corrections.yml`), read and checked at the edge:
each directive a known action with the keys it takes and needs, every problem named with the file
and the directive's line (`corrections.py` says what each directive does)."""

from __future__ import annotations

from pathlib import Path

from cancun_reader.core.errors import InputError
from cancun_reader.core.kinds import Kind
from cancun_reader.sources.read import display_path, read_text
from cancun_reader.sources.yaml_nodes import compose, line_of, scalar, sequence_of_mappings
from cancun_reader.text.corrections import (
    Action,
    Directive,
    apply_blockquote,
    apply_break,
    apply_delete,
    apply_heading,
    apply_join,
    apply_move,
    apply_starts_mid_sentence,
)
from cancun_reader.text.quoting import AT_LINE, normalize_quote
from cancun_reader.text.retouch import apply_confirm, apply_merge, apply_replace, apply_role, apply_split

SUFFIX = ".corrections.yml"

ACTIONS = {
    action.name: action
    for action in (
        Action(
            "move",
            apply_move,
            Kind.CORRECTION_MOVE,
            takes=("after",),
            needs=("after",),
            by_line=("move", "after"),
        ),
        Action("delete", apply_delete, Kind.CORRECTION_DELETE, takes=("followed_by",)),
        Action("join", apply_join, Kind.CORRECTION_JOIN, takes=("with",), needs=("with",), by_line=("join",)),
        Action(
            "blockquote",
            apply_blockquote,
            Kind.CORRECTION_BLOCK_QUOTATION,
            takes=("until",),
            needs=("until",),
            by_line=("blockquote", "until"),
        ),
        Action("starts_mid_sentence", apply_starts_mid_sentence, Kind.CORRECTION_STARTS_MID_SENTENCE),
        Action("heading", apply_heading, Kind.CORRECTION_HEADING),
        Action("break", apply_break, Kind.CORRECTION_PARAGRAPH_BREAK),
        Action("replace", apply_replace, Kind.CORRECTION_REPLACE, takes=("with",), needs=("with",)),
        Action("role", apply_role, Kind.CORRECTION_ROLE, takes=("as",), needs=("as",), by_line=("role",)),
        Action("confirm", apply_confirm, Kind.CORRECTION_CONFIRM, after_repairs=True, by_line=("confirm",)),
        Action("split", apply_split, Kind.CORRECTION_ITEMS),
        Action("merge", apply_merge, Kind.CORRECTION_ITEMS),
    )
}
"""Every correction an editor can write, by its key in the corrections file."""


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
    for key, value in values.items():
        if AT_LINE.fullmatch(value.strip()) and key not in action.by_line:
            by_line = [a.name for a in ACTIONS.values() if a.by_line]
            raise InputError(
                shown,
                f"'{key}' needs words quoted from the text: a line (@N) names a whole block, "
                f"which only {', '.join(by_line)} take",
                line_of(node),
            )
    options = {k: normalize_quote(v) for k, v in values.items() if k not in (action.name, "why")}
    if not options.get("occurrence", "1").isdigit() or options.get("occurrence") == "0":
        raise InputError(
            shown, "'occurrence' is a number from 1: which of the quotation's places", line_of(node)
        )
    return Directive(action, normalize_quote(values[action.name]), options, line_of(node), shown)
