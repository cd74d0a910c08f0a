"""Every key the scenario format names, read from its JSON Schema: what the property tests
write into scenario files, so that a key the format gains is tried at once."""

from __future__ import annotations

from trainer.schema import scenario_schema


def format_keys() -> list[str]:
    """The names of the schema's properties, at any depth, sorted."""
    found: set[str] = set()
    waiting: list[object] = [scenario_schema()]
    while waiting:
        node = waiting.pop()
        if isinstance(node, dict):
            found.update(node.get("properties", {}))
            waiting.extend(node.values())
        elif isinstance(node, list):
            waiting.extend(node)
    return sorted(found)
