"""The reading rules: every rule fires on its own examples, and reads only features that exist."""

from __future__ import annotations

import pytest

from trainer.scoring import AdHocStatement
from trainer.scoring.engine import prepare
from trainer.scoring.features import SentenceFeatures
from trainer.scoring.reading import read
from trainer.scoring.rules import RULES

# The client statement every rule example answers (tests/test_kinds.py uses it too).
CLIENT = (
    "My sister promised she'd come to my birthday dinner and then she just didn't show up. "
    "She didn't even text. I sat there with her present like an idiot."
)


def test_rule_names_are_unique():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_every_rule_has_at_least_two_examples_that_it_decides(rule):
    client = prepare(AdHocStatement(CLIENT)).client
    assert len(rule.examples) >= 2
    for example in rule.examples:
        decided = [act.why for act in read(example, client).acts]
        assert rule.name in decided, f"{example!r} was read by {decided}"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_every_feature_a_rule_reads_exists(rule):
    assert rule.reads is not None
    missing = [name for name in rule.reads if not hasattr(SentenceFeatures, name)]
    assert missing == []
