"""The core stands alone: every module outside the UI and the command line is imported in a
fresh interpreter and must load neither Textual nor click (docs/architecture.md)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import trainer

SHELLS = ("trainer.ui", "trainer.cli", "trainer.__main__")
CORE_MODULES = sorted(
    info.name for info in pkgutil.walk_packages(trainer.__path__, "trainer.") if not info.name.startswith(SHELLS)
)


def test_the_core_is_found():
    assert {
        "trainer.loader",
        "trainer.scoring.engine",
        "trainer.progress.store",
        "trainer.grading",
        "trainer.calibration",
    } <= set(CORE_MODULES)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_a_core_module_imports_neither_textual_nor_click(module):
    code = (
        f"import sys, {module}; "
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'click'})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_command_line_loads_textual_only_to_open_the_app():
    code = "import sys, trainer.cli; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
