"""CSV for spreadsheets, written so that no cell can run as a formula.

Instructors open exports and gradebooks in spreadsheets, and the cells hold what students and
authors typed. A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or their full-width forms),
a tab or a carriage return is taken for a formula by Excel, LibreOffice or Google Sheets --
``=HYPERLINK(...)`` can leak the sheet, ``=cmd|...`` once ran programs. Such a text cell is
written with a leading apostrophe, as OWASP advises: the spreadsheet shows the text as it was
typed. Numbers are left alone, written as numbers or as text ("-1.00"). Every CSV the trainer
writes goes through ``SafeCsvWriter``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def neutralise(cell: object) -> object:
    """The cell as a spreadsheet should show it: a text that could start a formula gets an apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class SafeCsvWriter:
    """``csv.writer`` (same options) with every cell neutralised."""

    def __init__(self, handle: TextIO, **options):
        self._writer = csv.writer(handle, **options)

    def writerow(self, cells: Iterable[object]) -> None:
        self._writer.writerow([neutralise(cell) for cell in cells])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for cells in rows:
            self.writerow(cells)
