"""Reading the editors' YAML files (catalog, corrections) as nodes, so every value keeps its line."""

from __future__ import annotations

import yaml

from cancun_reader.core.errors import InputError

# libyaml's parser when PyYAML was built with it: the same nodes, several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str, shown_as: str) -> yaml.Node | None:
    """Parse YAML into nodes, or stop with the file and line of the syntax error."""
    try:
        return yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(shown_as, f"is not valid YAML: {problem}", mark.line + 1 if mark else 0) from None


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def sequence_of_mappings(root: yaml.Node | None, shown_as: str, what: str) -> list[yaml.MappingNode]:
    """The entries of a YAML list whose every entry must be a mapping."""
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise InputError(shown_as, f"must be a list of {what}", line_of(root))
    for node in root.value:
        if not isinstance(node, yaml.MappingNode):
            raise InputError(shown_as, "each entry must be a mapping of keys to values", line_of(node))
    return root.value


def scalar(node: yaml.Node, key: str, shown_as: str, *, strip: bool = True) -> str:
    """A single value as the editor typed it (no date or number guessing)."""
    if not isinstance(node, yaml.ScalarNode):
        raise InputError(shown_as, f"'{key}' must be a single value, not a list or mapping", line_of(node))
    return str(node.value).strip() if strip else str(node.value)


def to_data(node: yaml.Node | None) -> object:
    """The Python value of composed nodes, built without parsing the text a second time."""
    return yaml.SafeLoader("").construct_document(node) if node is not None else None
