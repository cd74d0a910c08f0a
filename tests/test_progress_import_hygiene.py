"""The progress core stands alone: no Textual and no click, so the app and the CLI stay shells."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["trainer.progress.attempt", "trainer.progress.store", "trainer.progress.schedule",
        "trainer.progress.stats", "trainer.progress.export"]


@pytest.mark.parametrize("module", CORE)
def test_a_progress_module_imports_neither_textual_nor_click(module):
    code = (f"import sys, {module}; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'click')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
