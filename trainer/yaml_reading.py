"""A scenario file's YAML read safely into plain data: dicts, lists, text and None.

libyaml (CSafeLoader) parses the text into a node tree; a small builder turns the nodes into
plain data while refusing what a scenario never needs (object tags, merge keys, duplicate
keys, alias bombs, control characters such as ESC that a terminal would run). Plain scalars
stay text (the scenario format converts ``age: 19``), so a client who says ``No`` is not turned
into ``False``: the only scalar the reader tells apart is null. Its resolver therefore knows
just text and null (and the two tags, merge and value, that YAML gives ``<<`` and ``=`` and a
scenario refuses), instead of trying the patterns of numbers, booleans and dates on every
value -- a quarter of the time of reading a file.
"""

from __future__ import annotations

import yaml
from yaml import MappingNode, ScalarNode, SequenceNode

from trainer.loader import FileError
from trainer.terminal import CONTROLS, escaped
from trainer.yaml_hints import explain

try:  # libyaml is much faster; the pure-Python loader is the fallback.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

# Where a value is in a file, as pydantic names it: keys and indexes, ("turns", 0, "examples", 2).
Place = tuple[str | int, ...]
# A real scenario has a few hundred values; an alias bomb expands to billions.
MAX_VALUES = 100_000

_Y = "tag:yaml.org,2002:"
_STR, _NULL, _MAP, _SEQ, _MERGE, _VALUE = (_Y + t for t in ("str", "null", "map", "seq", "merge", "value"))
_SCALAR_TAGS = {_Y + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
# The plain scalars YAML's safe resolver reads as null, merge and value (yaml/resolver.py).
_PLAIN_TAGS = {"": _NULL, "~": _NULL, "null": _NULL, "Null": _NULL, "NULL": _NULL, "<<": _MERGE, "=": _VALUE}


class _Loader(_SafeLoader):
    """libyaml's safe loader with a resolver that tells only null (and merge and value) from text.

    Numbers, booleans and dates are accepted as tags but read as text all the same, so
    telling them apart would change nothing but the time taken."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode:
            return _SEQ if kind is SequenceNode else _MAP
        plain = implicit[0]  # (plain, quoted): only a plain scalar can be null
        return _PLAIN_TAGS.get(value, _STR) if plain else _STR

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        """No path resolvers: nothing to follow."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to follow."""


def line_of(node: yaml.Node) -> int:
    line: int = node.start_mark.line
    return line + 1


def _tag_error(node: yaml.Node) -> FileError:
    tag = node.tag.replace(_Y, "!!")
    message = f"the tag {tag} is not allowed: scenario files hold plain text, lists and keys"
    if isinstance(node, ScalarNode) and not node.tag.startswith(_Y):
        message += " (text that starts with ! must be in quotes)"
    return FileError(line_of(node), message)


def _plain_text(node: ScalarNode) -> str:
    """The scalar's text, refused when it holds a control character ("\\e]0;..." in a title
    would retitle the terminal of everyone who lists the library). YAML's reader refuses them
    as they are, so only the escapes of a double-quoted scalar can make one."""
    control = node.style == '"' and CONTROLS.search(node.value)
    if control:
        raise FileError(
            line_of(node),
            f"a control character ({escaped(control.group())}) in the text; "
            "scenario files hold plain text, with line breaks and tabs only",
        )
    text: str = node.value
    return text


def _scalar(node: ScalarNode) -> str | None:
    if node.tag == _NULL:
        return None
    if node.tag not in _SCALAR_TAGS:
        raise _tag_error(node)
    return _plain_text(node)


def _key(node: yaml.Node) -> str:
    if node.tag == _MERGE:
        raise FileError(line_of(node), "merge keys ('<<') are not supported; write the keys out")
    if type(node) is not ScalarNode:
        raise FileError(line_of(node), "a key must be a plain word, not a list or mapping")
    return _plain_text(node)


class _Builder:
    """Turns a YAML node tree into dicts, lists, text and None."""

    def __init__(self, root: yaml.Node) -> None:
        self.root = root
        self.values = 0

    def build(self, node: yaml.Node) -> object:
        self.values += 1
        if self.values > MAX_VALUES:
            raise self._too_many(node)
        if isinstance(node, ScalarNode):
            if node.tag is _STR and node.style != '"':  # nearly every value: text, as it is
                return node.value
            return _scalar(node)
        is_sequence = isinstance(node, SequenceNode)
        if node.tag != (_SEQ if is_sequence else _MAP):
            raise _tag_error(node)
        if is_sequence:
            return [self.build(item) for item in node.value]
        assert isinstance(node, MappingNode)
        return self._mapping(node)

    def _mapping(self, node: MappingNode) -> dict[str, object]:
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag is _STR and key_node.style != '"':  # a plain word, as nearly every key is
                key = key_node.value
            else:
                key = _key(key_node)
            if key in result:
                first = next(k for k, _ in node.value if k.value == key)
                raise FileError(
                    line_of(key_node),
                    f"duplicate key '{key}' (first given on line {line_of(first)}); keep one of them",
                )
            result[key] = self.build(value_node)
        return result

    def _too_many(self, node: yaml.Node) -> FileError:
        """Too many values: written out (a list of 166,000 items), or made by aliases that repeat
        a few values over and over (an "alias bomb") -- told apart by counting the distinct ones."""
        if _distinct_nodes(self.root, MAX_VALUES + 1) > MAX_VALUES:
            return FileError(
                line_of(node),
                f"the file holds more than {MAX_VALUES:,} values (texts, lists "
                "and keys); a real scenario has a few hundred -- split it up",
            )
        return FileError(
            line_of(node),
            f"the file expands to more than {MAX_VALUES:,} values through "
            "aliases (an 'alias bomb'); write the values out instead",
        )


def _distinct_nodes(root: yaml.Node, enough: int) -> int:
    """How many different nodes the tree has (an alias is the node it names), counted up to ``enough``."""
    seen: set[int] = set()
    waiting = [root]
    while waiting and len(seen) < enough:
        node = waiting.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            waiting.extend(node.value)
        elif isinstance(node, MappingNode):
            waiting.extend(part for pair in node.value for part in pair)
    return len(seen)


def parse(text: str) -> tuple[yaml.Node, dict[str, object]]:
    """The file's node tree (for the lines of its problems) and its plain data."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        explained = explain(text, err, _SafeLoader)
        raise FileError(explained.line, explained.message) from None
    except yaml.YAMLError as err:
        raise FileError(None, f"this is not valid YAML: {err}") from None
    finally:
        loader.dispose()
    if node is None:
        raise FileError(None, "the file is empty; a scenario needs at least id, title and turns")
    data = _Builder(node).build(node)
    if not isinstance(data, dict):
        raise FileError(line_of(node), "a scenario file must be a mapping of keys such as id, title and turns")
    return node, data


def walk(root: yaml.Node, loc: Place) -> list[tuple[yaml.Node, yaml.Node | None]]:
    """The nodes along ``loc``, as far as the file has them, each with the key node that names it."""
    steps: list[tuple[yaml.Node, yaml.Node | None]] = []
    node = root
    for part in loc:
        if isinstance(node, MappingNode) and isinstance(part, str):
            match = next((kv for kv in node.value if kv[0].value == part), None)
            if match is None:
                break
            key_node, node = match
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key_node = node.value[part], None
        else:
            break
        steps.append((node, key_node))
    return steps


def node_at(root: yaml.Node, loc: Place) -> tuple[yaml.Node, yaml.Node | None]:
    """The deepest node along ``loc``, and the key node that names it (if any)."""
    steps = walk(root, loc)
    return steps[-1] if steps else (root, None)
