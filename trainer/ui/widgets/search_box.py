"""The filter-as-you-type box of the library; Enter starts the highlighted scenario. Its key
(/) is in its placeholder, which leaves the footer room for the keys of the moment."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchBox(Input):
    BINDINGS = [Binding("enter", "submit", "Start", show=True)]

    def __init__(self, **kwargs):
        super().__init__(placeholder="Search (/): title, skill, name", **kwargs)
