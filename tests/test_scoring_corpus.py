"""The scorer says exactly what it said when its output was last accepted, feedback and all, on
a fixed corpus of more than a thousand responses (tests/corpus/corpus.py says how to update it).
Work on speed must leave this test passing untouched."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "corpus"))

import corpus  # noqa: E402  (tests/corpus is not a package)


def test_the_corpus_is_big_and_varied():
    keys = list(corpus.accepted())
    assert len(keys) >= 1000 and len(set(keys)) == len(keys)
    assert sum(key.startswith("ad hoc") for key in keys) >= 300
    assert sum(" example: " in key for key in keys) >= 300


def test_every_response_gets_the_feedback_last_accepted():
    now, before = corpus.fingerprints(), corpus.accepted()
    changed = sorted(key for key in now.keys() | before.keys() if now.get(key) != before.get(key))
    assert not changed, f"{len(changed)} changed, e.g. {changed[:3]} (tests/corpus/corpus.py shows them)"
