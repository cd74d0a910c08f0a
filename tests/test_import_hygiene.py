"""The core never imports the UI or the command line (each module in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = ["trainer.grading", "trainer.template", "trainer.schema"]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_neither_textual_nor_click(module):
    code = (f"import sys, {module}; "
            "print(','.join(m for m in ('textual', 'click') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
