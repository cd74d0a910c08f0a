"""The console command ``trainer``: alone, it opens the app without the command line."""

from __future__ import annotations

import subprocess
import sys


def test_trainer_alone_opens_the_app_without_loading_the_command_line():
    """The console command's fast path: no click, no library before the first frame."""
    code = (
        "import sys\n"
        "sys.argv = ['trainer']\n"
        "import trainer.launch as launch\n"
        "from trainer.ui.app import TrainerApp\n"
        "import trainer.opening as opening\n"
        "opening.interactive = lambda: True\n"
        "TrainerApp.run = lambda app: print('click' in sys.modules, app.library is None, app.no_save)\n"
        "launch.main()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "False"]


def test_trainer_alone_without_a_terminal_says_what_to_use_instead():
    result = subprocess.run([sys.executable, "-m", "trainer"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert "needs an interactive terminal" in result.stderr and "Traceback" not in result.stderr
