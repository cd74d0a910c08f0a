"""A fixed corpus of responses and a fingerprint of everything the scorer says of each.

The golden set checks verdicts (score, band, kind, roadblocks); this corpus checks the whole
feedback -- every check's points and message, the notes, the closest model answer -- so that
work on the scorer's speed can show it changes nothing. It holds the golden set's responses
and pairs against their scenario statements, a third of them again against ad-hoc statements
(the client's words only, and the client's words with the statement's model answers, as
``trainer score --batch`` rows bring them), and the bundled library's calibration examples.

    python tests/corpus/corpus.py            # how many fingerprints differ from fingerprints.jsonl
    python tests/corpus/corpus.py --update   # accept the scorer's current output (make golden-update)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).parent
FINGERPRINTS = HERE / "fingerprints.jsonl"
sys.path.insert(0, str(HERE.parent / "golden"))

import golden  # noqa: E402  (tests/golden is not a package)


def cases() -> Iterator[tuple[str, object, str, str]]:
    """(key, statement, response, client name) for every response of the corpus, in a fixed order."""
    from trainer.loader import load_library
    from trainer.scoring import AdHocStatement

    library = load_library()
    rows, pairs = golden.load()
    responses = [(r.scenario, r.turn, r.response) for r in rows]
    responses += [(p.scenario, p.turn, text) for p in pairs for text in (p.simple, p.complex)]
    for scenario_id, turn, response in responses:
        scenario = library.get(scenario_id)
        yield f"{scenario_id}#{turn}: {response}", scenario.turns[turn - 1], response, scenario.client_name
    for scenario_id, turn, response in filter(_one_in_three, responses):
        statement = library.get(scenario_id).turns[turn - 1]
        yield f"ad hoc, client only: {statement.client} | {response}", AdHocStatement(statement.client), response, ""
        with_answers = AdHocStatement(statement.client, tuple(statement.model_answers))
        yield f"ad hoc, with answers: {statement.client} | {response}", with_answers, response, ""
    for scenario in library.scenarios:
        for number, statement in enumerate(scenario.turns, 1):
            for example in statement.examples:
                key = f"{scenario.id}#{number} example: {example.response}"
                yield key, statement, example.response, scenario.client_name


def _one_in_three(response: tuple[str, int, str]) -> bool:
    """A third of the responses, chosen by their words: a row added to the golden set leaves
    the others where they were."""
    return hashlib.sha256(repr(response).encode()).digest()[0] % 3 == 0


def fingerprints() -> dict[str, dict]:
    """What the scorer says of each response now: its score and a digest of the whole feedback."""
    from trainer.batch import verdict
    from trainer.scoring import score

    found = {}
    for key, statement, response, name in cases():
        feedback = score(statement, response, name)
        whole = json.dumps(verdict(feedback), sort_keys=True, ensure_ascii=False)
        found[key] = {"score": feedback.score, "digest": hashlib.sha256(whole.encode()).hexdigest()[:16]}
    return found


def accepted() -> dict[str, dict]:
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    return {row["key"]: {"score": row["score"], "digest": row["digest"]} for row in map(json.loads, lines)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the current fingerprints")
    args = parser.parse_args()
    now = fingerprints()
    if args.update:
        lines = [json.dumps({"key": key, **value}, ensure_ascii=False) for key, value in now.items()]
        FINGERPRINTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(now)} fingerprints written to {FINGERPRINTS}")
        return
    before = accepted()
    changed = [key for key in now.keys() | before.keys() if now.get(key) != before.get(key)]
    for key in sorted(changed)[:20]:
        print(f"changed: {key}: {before.get(key)} -> {now.get(key)}")
    print(f"{len(now)} responses, {len(changed)} changed since fingerprints.jsonl")


if __name__ == "__main__":
    main()
