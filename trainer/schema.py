"""The JSON Schema of the scenario format, generated from the same pydantic model that
validates files, so editors and the loader always agree.

A copy is committed as ``trainer/data/scenario.schema.json`` (a test keeps it equal to the
generated one), so an editor has a file to point at, in the repository and once installed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from trainer.scenario_format import Scenario

SCHEMA_FILE = Path(__file__).parent / "data" / "scenario.schema.json"


def scenario_schema() -> dict:
    return Scenario.model_json_schema()


def scenario_schema_json() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_reference(folder: str | Path) -> str:
    """How a scenario file in ``folder`` names the schema file in its editor modeline.

    Inside this project the path is relative, so it works for anyone who clones the
    repository; elsewhere it is the absolute path of this installation's copy.
    """
    schema = SCHEMA_FILE.resolve()
    folder = Path(folder).resolve()
    project = schema.parents[2]  # the checkout, or site-packages when installed
    if folder.is_relative_to(project):
        return Path(os.path.relpath(schema, folder)).as_posix()
    return schema.as_posix()
