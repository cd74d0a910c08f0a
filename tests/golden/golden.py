"""The golden set: responses written as students write them, with the verdict an instructor signs.

It is the specification of the scorer. Each ``<scenario>.yaml`` here holds ``responses`` (a
statement number, the response, its type, the expected kind, band or range of two adjacent
bands, and roadblock: ``none``, an id or a list of acceptable ids) and ``pairs`` (a simple and
a complex reflection of the same statement; the complex one should score higher).

``results.jsonl`` holds what the scorer said of every response when it was last accepted. Run

    make golden            # agreement, and every verdict that changed since results.jsonl
    make golden-update     # accept the current verdicts (review the diff of results.jsonl)

so that each change to a rule is read as a diff of verdicts before it is committed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent
RESULTS = HERE / "results.jsonl"
BANDS = ("not_yet", "developing", "good", "strong")


@dataclass(frozen=True)
class Row:
    scenario: str
    turn: int
    response: str
    type: str
    kind: str
    bands: tuple[str, ...]  # one band, or two adjacent ones
    roadblocks: tuple[str, ...] | None  # None: no roadblock may be named; else one of these must be

    @property
    def key(self) -> str:
        return f"{self.scenario}#{self.turn}: {self.response}"


@dataclass(frozen=True)
class Pair:
    scenario: str
    turn: int
    simple: str
    complex: str
    adds: str


def _as_tuple(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else (value,)


def load(folder: Path = HERE) -> tuple[list[Row], list[Pair]]:
    rows: list[Row] = []
    pairs: list[Pair] = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        scenario = data["scenario"]
        for r in data.get("responses", []):
            roadblock = r.get("roadblock", "none")
            rows.append(
                Row(
                    scenario,
                    r["turn"],
                    r["response"],
                    r["type"],
                    r["kind"],
                    _as_tuple(r["band"]),
                    None if roadblock == "none" else _as_tuple(roadblock),
                )
            )
        pairs += [
            Pair(scenario, p["turn"], p["simple"], p["complex"], p.get("adds", "")) for p in data.get("pairs", [])
        ]
    return rows, pairs


@cache
def _library():
    from trainer.loader import load_library

    return load_library()


def verdict(scenario: str, turn: int, response: str) -> dict:
    """What the scorer says of a response to statement ``turn`` of ``scenario``."""
    from trainer.scoring import score

    found = _library().get(scenario)
    if found is None:
        raise KeyError(f"no scenario '{scenario}' in the bundled library")
    feedback = score(found.turns[turn - 1], response, found.client_name)
    return {
        "score": feedback.score,
        "band": feedback.band,
        "kind": feedback.kind,
        "roadblocks": list(feedback.roadblocks),
    }


@dataclass
class Agreement:
    rows: int
    kind: int
    band: int
    within_one: int
    roadblock: int
    pairs: int
    complex_higher: int

    def share(self, what: str) -> float:
        total = self.pairs if what == "complex_higher" else self.rows
        return getattr(self, what) / total if total else 1.0


def band_distance(expected: tuple[str, ...], band: str) -> int:
    return min(abs(BANDS.index(b) - BANDS.index(band)) for b in expected)


def roadblock_agrees(row: Row, named: Iterable[str]) -> bool:
    named = list(named)
    return not named if row.roadblocks is None else bool(set(row.roadblocks) & set(named))


def measure(rows: list[Row], pairs: list[Pair]) -> tuple[Agreement, list[dict], list[tuple[Pair, dict, dict]]]:
    results = [verdict(r.scenario, r.turn, r.response) for r in rows]
    scored_pairs = [(p, verdict(p.scenario, p.turn, p.simple), verdict(p.scenario, p.turn, p.complex)) for p in pairs]
    agreement = Agreement(
        rows=len(rows),
        kind=sum(r.kind == v["kind"] for r, v in zip(rows, results)),
        band=sum(band_distance(r.bands, v["band"]) == 0 for r, v in zip(rows, results)),
        within_one=sum(band_distance(r.bands, v["band"]) <= 1 for r, v in zip(rows, results)),
        roadblock=sum(roadblock_agrees(r, v["roadblocks"]) for r, v in zip(rows, results)),
        pairs=len(pairs),
        complex_higher=sum(c["score"] > s["score"] for _, s, c in scored_pairs),
    )
    return agreement, results, scored_pairs


def _accepted() -> dict[str, dict]:
    if not RESULTS.exists():
        return {}
    lines = RESULTS.read_text(encoding="utf-8").splitlines()
    return {entry["key"]: entry["verdict"] for entry in map(json.loads, lines)}


def _entries(rows: list[Row], results: list[dict], scored_pairs) -> list[dict]:
    entries = [{"key": r.key, "verdict": v} for r, v in zip(rows, results)]
    for p, simple, complex_ in scored_pairs:
        entries.append({"key": f"{p.scenario}#{p.turn} simple: {p.simple}", "verdict": simple})
        entries.append({"key": f"{p.scenario}#{p.turn} complex: {p.complex}", "verdict": complex_})
    return entries


def _show(v: dict) -> str:
    blocks = f" [{', '.join(v['roadblocks'])}]" if v["roadblocks"] else ""
    return f"{v['kind']} {v['band']} {v['score']}{blocks}"


def report(out=sys.stdout, update: bool = False, misses: int = 40) -> Agreement:
    rows, pairs = load()
    agreement, results, scored_pairs = measure(rows, pairs)
    print(f"golden set: {agreement.rows} responses, {agreement.pairs} pairs", file=out)
    for what, label in (
        ("kind", "exact kind"),
        ("band", "exact band"),
        ("within_one", "band within one"),
        ("roadblock", "roadblock as expected"),
        ("complex_higher", "complex > simple"),
    ):
        print(f"  {label:<22} {agreement.share(what):6.1%}  ({getattr(agreement, what)})", file=out)
    by_type: dict[str, Counter] = defaultdict(Counter)
    for r, v in zip(rows, results):
        by_type[r.type].update(n=1, kind=r.kind == v["kind"], band=band_distance(r.bands, v["band"]) == 0)
    print("\n  by type                    n   kind   band", file=out)
    for name, c in sorted(by_type.items()):
        print(f"  {name:<24} {c['n']:>3} {c['kind'] / c['n']:6.0%} {c['band'] / c['n']:6.0%}", file=out)
    wrong = [
        (r, v)
        for r, v in zip(rows, results)
        if r.kind != v["kind"] or band_distance(r.bands, v["band"]) or not roadblock_agrees(r, v["roadblocks"])
    ]
    print(f"\n  {len(wrong)} responses disagree (first {min(misses, len(wrong))}):", file=out)
    for r, v in wrong[:misses]:
        expected = f"{r.kind} {'/'.join(r.bands)} [{', '.join(r.roadblocks or ('none',))}]"
        print(f"  - {r.key}\n      expected {expected}; got {_show(v)}", file=out)
    lower = [(p, s, c) for p, s, c in scored_pairs if c["score"] <= s["score"]]
    print(f"\n  {len(lower)} pairs where the complex reflection does not score higher:", file=out)
    for p, s, c in lower[:misses]:
        print(
            f"  - {p.scenario}#{p.turn} ({p.adds})\n      simple  {s['score']}: {p.simple}"
            f"\n      complex {c['score']}: {p.complex}",
            file=out,
        )
    entries = _entries(rows, results, scored_pairs)
    accepted = _accepted()
    changed = [e for e in entries if accepted.get(e["key"]) != e["verdict"]]
    print(f"\n  {len(changed)} verdicts changed since results.jsonl:", file=out)
    for e in changed:
        before = accepted.get(e["key"])
        print(f"  - {e['key']}\n      {_show(before) if before else '(new)'} -> {_show(e['verdict'])}", file=out)
    if update:
        RESULTS.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
        print(f"\n  results.jsonl updated ({len(entries)} verdicts).", file=out)
    return agreement


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="accept the current verdicts into results.jsonl")
    parser.add_argument("--misses", type=int, default=40, help="how many disagreements to list")
    args = parser.parse_args()
    report(update=args.update, misses=args.misses)


if __name__ == "__main__":
    main()
