"""How often the learner's responses met each check, as a bar and a percentage (never a colour
alone), with the recent share beside it once there is more history than that."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from trainer.progress.stats import SkillShare

BAR = 12


def bar(share: float) -> str:
    """'████████░░░░' for 0.66: filled and empty cells, readable without colour."""
    filled = round(share * BAR)
    return "█" * filled + "░" * (BAR - filled)


def _percent(share: float) -> str:
    return f"{round(100 * share):>3}%"


class SkillShares(Static):
    def show(self, shares: list[SkillShare], recent: int, with_recent: bool) -> None:
        """``with_recent``: add the share over the last ``recent`` responses to each line."""
        width = max(len(s.label) for s in shares)
        lines = []
        for share in shares:
            line = Content.from_markup(
                "$label  [$primary]$bar[/]  $percent",
                label=share.label.ljust(width),
                bar=bar(share.share),
                percent=_percent(share.share),
            )
            if with_recent:
                line += Content(f"   last {recent}: {_percent(share.recent_share)}")
            lines.append(line)
        self.update(Content("\n").join(lines))
