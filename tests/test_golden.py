"""The golden set is the specification of the scorer (tests/golden/golden.py says how to use it).

The agreement floors are those the project signed up to; ``results.jsonl`` is what the scorer
said of every response when its verdicts were last reviewed, so any change to a rule shows up
here as a failing diff until it is accepted with ``make golden-update``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "golden"))

import golden  # noqa: E402  (tests/golden is not a package)


@pytest.fixture(scope="module")
def measured():
    rows, pairs = golden.load()
    return rows, pairs, *golden.measure(rows, pairs)


def test_the_golden_set_is_big_enough_to_be_a_specification(measured):
    rows, pairs, *_ = measured
    assert len(rows) >= 800 and len(pairs) >= 80
    assert {r.kind for r in rows} >= {
        "reflection",
        "open_question",
        "closed_question",
        "advice",
        "information",
        "reassurance",
        "judgment",
        "self_disclosure",
        "other",
    }


@pytest.mark.parametrize("what, floor", [("kind", 0.95), ("band", 0.90), ("within_one", 1.0), ("complex_higher", 0.90)])
def test_the_scorer_agrees_with_the_instructors(measured, what, floor):
    agreement = measured[2]
    assert agreement.share(what) >= floor


def test_every_verdict_is_the_one_last_reviewed(measured):
    rows, _, _, results, scored_pairs = measured
    accepted = [json.loads(line) for line in golden.RESULTS.read_text(encoding="utf-8").splitlines()]
    now = golden._entries(rows, results, scored_pairs)
    changed = [e["key"] for e, a in zip(now, accepted) if e != a]
    assert len(now) == len(accepted) and changed == [], "review with `make golden`, accept with `make golden-update`"
