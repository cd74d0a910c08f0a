"""Where the time of ``score()`` on a prepared statement goes: each stage, as a ratio to the bare pass.

The same responses, statements and bare pass as ``benchmarks/scoring.py``'s row (a). Each line
does more of the work of a score than the one before, so the differences between lines are
what each part costs:

- split: the response cut into sentences and words (contractions expanded, slips mended,
  stems, clauses) -- what any scorer of these responses does first;
- split + match: and the fuzzy match to the closest model answer, as the similarity check
  makes it -- the least a scorer that compares with model answers can do;
- read: the whole reading (``trainer.scoring.reading.read``), the rules over every sentence;
- score: everything, the checks, caps and feedback included.

    .venv/bin/python benchmarks/scoring_parts.py      # under a minute

It explains the table's row rather than judging it: no budget of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

from rapidfuzz import fuzz, process
from scoring import Case, alternating, bare_pass, realistic_cases

from trainer.scoring import score
from trainer.scoring.engine import _key, prepare
from trainer.scoring.reading import read
from trainer.scoring.text import sentences


def stages(cases: list[Case]) -> dict[str, Callable[[], object]]:
    prepared = [(prepare(statement), text) for statement, text in cases]

    def split() -> None:
        for p, text in prepared:
            sentences(text, p.speller.mend)

    def split_and_match() -> None:
        for p, text in prepared:
            key = _key(chain.from_iterable(s.stems for s in sentences(text, p.speller.mend)))
            if key:
                answer, _, _ = process.extractOne(key, p.answer_keys, scorer=fuzz.token_sort_ratio)
                fuzz.token_set_ratio(key, answer)

    def reading() -> None:
        for p, text in prepared:
            read(text, p.client, p.speller.mend)

    return {
        "split": split,
        "split + match": split_and_match,
        "read": reading,
        "score": lambda: [score(statement, text) for statement, text in cases],
    }


def main() -> None:
    cases = realistic_cases()
    for statement, text in cases:
        score(statement, text)  # each statement prepared, every word seen once
    bare = bare_pass(cases)
    print(f"{len(cases):,} responses; CPU per response, best of 5, alternating with the bare pass")
    for name, work in stages(cases).items():
        ours, baseline = (t / len(cases) * 1e6 for t in alternating(5, work, bare))
        print(f"{name:14} {ours:6.1f} us  bare {baseline:5.1f} us  {ours / baseline:5.2f}x")


if __name__ == "__main__":
    main()
