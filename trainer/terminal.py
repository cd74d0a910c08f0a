"""Text from files made safe to show on a terminal.

Scenario files, students' exports and the progress file hold text that others wrote, and a
terminal runs control characters: ``ESC ] 0 ; ... BEL`` retitles the window, ``ESC [ 2 J`` clears
the screen, a lone carriage return lets the rest of a line overwrite its start. Every control
character except the line break, the tab and the carriage return of a CR LF line end is shown as
an escape instead (``\\x1b``), so the text reads as it is and runs nothing. The command line
prints everything through ``printable``; ``jsonio`` writes the same characters as JSON escapes.
"""

from __future__ import annotations

import re

# C0 controls but tab, line feed and a CR before LF; DEL; the C1 controls (0x9b is a one-byte ESC [).
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def escaped(character: str) -> str:
    """One control character as the escape that names it: ESC as \\x1b."""
    return f"\\x{ord(character):02x}"


def printable(text: str) -> str:
    """``text`` with every control character shown as its escape; line breaks and tabs kept."""
    return CONTROLS.sub(lambda match: escaped(match.group()), text)
