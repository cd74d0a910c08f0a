"""The JSON Schema of the scenario format, generated from the same pydantic model that
validates files, so editors and the loader always agree."""

from __future__ import annotations

import json

from trainer.model import Scenario


def scenario_schema() -> dict:
    return Scenario.model_json_schema()


def scenario_schema_json() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
