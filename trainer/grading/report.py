"""The class report in Markdown: how the class scored, what got in the way, how the clients took
it, where it struggled, and what it did best.

Students are "Student A", "Student B"... unless names are asked for. The letters follow a
hash of each name, so they are the same in every report of the same class but do not follow
the alphabet (Student A is not the first name on the register).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from statistics import fmean

from trainer.grading.grade import GradedResponse, Grading
from trainer.grading.gradebook import deeper_reached, mean_openness_change, reflection_to_question
from trainer.rubric import BAND_FLOORS, BAND_WORDS, KIND_WORDS, OUTCOMES, QUESTION_KINDS
from trainer.scoring import is_word, lexicons, words
from trainer.wording import plural, statement_name

TOP = 5  # statements and reflections listed
BAR_WIDTH = 30
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    """Text from students and authors, on one line, with Markdown's special characters escaped."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def _letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, like spreadsheet columns."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def student_labels(students: list[str], names: bool) -> dict[str, str]:
    """Each student's name as shown: the name itself, or a stable anonymous label."""
    if names:
        return {s: s for s in students}
    order = sorted(students, key=lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest())
    return {s: f"Student {_letters(i)}" for i, s in enumerate(order)}


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _histogram(rows: list[tuple[str, int]], total: int) -> list[str]:
    width = max(len(label) for label, _ in rows)
    top = max(count for _, count in rows) or 1
    lines = ["```text"]
    for label, count in rows:
        bar = "\u2588" * round(BAR_WIDTH * count / top)
        lines.append(f"{label:<{width}}  {bar:<{BAR_WIDTH}}  {count:>6}  {_percent(count, total):>4}")
    return [*lines, "```"]


def _distribution(responses: list[GradedResponse]) -> list[str]:
    scores = [r.verdict.score for r in responses]
    counts = Counter(r.verdict.band for r in responses)
    floors = [(band.value, floor) for band, floor in BAND_FLOORS.items()]
    ceilings = [100] + [floor - 1 for _, floor in floors[:-1]]
    by_band = [
        (f"{BAND_WORDS[band]} ({floor}-{ceiling})", counts[band]) for (band, floor), ceiling in zip(floors, ceilings)
    ]
    deciles = Counter(min(s // 10, 9) for s in scores)
    by_range = [(f"{10 * d}-{10 * d + 9 if d < 9 else 100}", deciles[d]) for d in range(9, -1, -1)]
    return [
        "## Score distribution",
        "",
        "By band:",
        "",
        *_histogram(by_band, len(scores)),
        "",
        "By score:",
        "",
        *_histogram(by_range, len(scores)),
    ]


def _roadblocks(responses: list[GradedResponse], students: int) -> list[str]:
    count: Counter[str] = Counter()
    who: dict[str, set[str]] = defaultdict(set)
    for r in responses:
        for roadblock in r.verdict.roadblocks:
            count[roadblock] += 1
            who[roadblock].add(r.student)
    lines = ["## Most common roadblocks", ""]
    if not count:
        return [*lines, "No roadblocks: every response stayed with the client."]
    names = lexicons.roadblocks()
    order = list(names)
    lines += ["| roadblock | responses | students |", "|---|---:|---:|"]
    for roadblock, n in sorted(count.items(), key=lambda kv: (-kv[1], order.index(kv[0]))):
        lines.append(
            f"| {names[roadblock]['name']} | {n} ({_percent(n, len(responses))}) "
            f"| {len(who[roadblock])} of {students} |"
        )
    return lines


def _statement_name(grading: Grading, scenario: str, turn: int, deeper: bool) -> str:
    return f"{_md(grading.scenarios[scenario].title)} ({scenario}), {statement_name(turn, deeper)}"


def _client_says(grading: Grading, scenario: str, turn: int, deeper: bool) -> str:
    s = grading.scenarios[scenario]
    return f"> **{_md(s.client_name)}:** {_md(s.statement(turn, deeper).client)}"


def _hardest(grading: Grading) -> list[str]:
    groups: dict[tuple[str, int, bool], list[GradedResponse]] = defaultdict(list)
    for r in grading.responses:
        groups[r.statement].append(r)
    means = {key: fmean(r.verdict.score for r in rs) for key, rs in groups.items()}
    lines = [
        "## Hardest statements",
        "",
        "The statements with the lowest mean score: where the class needs practice.",
        "",
    ]
    for i, key in enumerate(sorted(means, key=lambda k: (means[k], k))[:TOP], start=1):
        responses = groups[key]
        kind, n = Counter(r.verdict.kind for r in responses).most_common(1)[0]
        lines += [
            f"{i}. **{_statement_name(grading, *key)}**: mean score {means[key]:.1f} over "
            f"{plural(len(responses), 'response')}; "
            f"most often {KIND_WORDS[kind]} ({n} of {len(responses)})",
            "",
            f"   {_client_says(grading, *key)}",
            "",
        ]
    return lines[:-1]


def _unknown_words(
    grading: Grading, r: GradedResponse, known: dict[tuple[str, int, bool], frozenset[str]]
) -> list[str]:
    """The words of a response the spell check does not know -- English, the word lists, and the
    statement's own words (its client's name too) are known -- in the order typed."""
    statement = r.statement
    if statement not in known:
        scenario = grading.scenarios[r.scenario]
        said = scenario.statement(r.turn, r.deeper)
        texts = [*said.wordings, *said.model_answers, *said.feelings, *said.content, scenario.client_name]
        known[statement] = frozenset(w for text in texts for w in words(text))
    return list(dict.fromkeys(w for w in words(r.response) if not is_word(w, known[statement])))


def _strongest(grading: Grading, labels: dict[str, str]) -> list[str]:
    """Per statement, its best reflection spelt right (the scorer forgives a slip; a class reading
    it should not meet one) -- else its best, marked -- the statements with clean ones first."""
    by_statement: dict[tuple[str, int, bool], list[GradedResponse]] = defaultdict(list)
    for r in grading.responses:
        if r.verdict.kind == "reflection":
            by_statement[r.statement].append(r)
    known: dict[tuple[str, int, bool], frozenset[str]] = {}
    picks = []
    for responses in by_statement.values():
        responses.sort(key=lambda r: (-r.verdict.score, labels[r.student]))
        checked = ((r, _unknown_words(grading, r, known)) for r in responses)
        first = next(checked)
        picks.append(first if not first[1] else next((c for c in checked if not c[1]), first))
    picks.sort(key=lambda pick: (bool(pick[1]), -pick[0].verdict.score, pick[0].statement, labels[pick[0].student]))
    lines = [
        "## Strongest reflections",
        "",
        "The highest-scoring reflections, one per statement, to share with the class: those spelt "
        "right first (the scoring forgives a slip of the keyboard; a class reading it should not "
        "meet one), and any other marked with the words to check.",
        "",
    ]
    for i, (r, unknown) in enumerate(picks[:TOP], start=1):
        lines += [
            f"{i}. **{_md(labels[r.student])}**, score {r.verdict.score}: {_statement_name(grading, *r.statement)}",
            "",
            f"   {_client_says(grading, *r.statement)}",
            "   >",
            f"   > **Response:** {_md(r.response)}",
            "",
        ]
        if unknown:
            lines[-1:-1] = ["", f"   Check the spelling before sharing: {', '.join(_md(w) for w in unknown)}."]
    if not picks:
        return [*lines[:2], "No response was a reflection yet."]
    return lines[:-1]


def _openness(grading: Grading, labels: dict[str, str]) -> list[str]:
    """How the responses landed with the clients, and each student's effect on their trust."""
    responses = grading.responses
    landed = Counter(r.outcome for r in responses)
    lines = [
        "## Openness",
        "",
        "How the responses landed with the clients (the same rule moves the client's openness in "
        'the app: +1 reflected; -1 blocked, self-focus or a "why"; 0 otherwise):',
        "",
        *_histogram([(o, landed[o]) for o in OUTCOMES], len(responses)),
        "",
        "Per student: the mean openness change per response, and the deeper statements reached "
        "(each is said only when the client has opened up).",
        "",
        "| student | responses | mean openness change | deeper statements reached |",
        "|---|---:|---:|---:|",
    ]
    by_student: dict[str, list[GradedResponse]] = defaultdict(list)
    for r in responses:
        by_student[r.student].append(r)
    for student in sorted(by_student, key=lambda s: labels[s]):
        mine = by_student[student]
        lines.append(
            f"| {_md(labels[student])} | {len(mine)} | {mean_openness_change(mine)} | {deeper_reached(mine)} |"
        )
    return lines


def _summary(grading: Grading, names: bool) -> list[str]:
    responses = grading.responses
    kinds = Counter(r.verdict.kind for r in responses)
    ratio = reflection_to_question(kinds["reflection"], sum(kinds[k] for k in QUESTION_KINDS))
    students, scenarios = len(grading.students), len(grading.scenarios)
    line = (
        f"{plural(students, 'student')}, {plural(scenarios, 'scenario')}, {plural(len(responses), 'response')} graded"
    )
    if responses:
        line += (
            f"; mean score {fmean(r.verdict.score for r in responses):.1f}; reflections to "
            f"questions (R:Q) {ratio or 'not defined (no questions)'}"
        )
    lines = [line + "."]
    if grading.problems:
        lines += ["", f"Not everything could be graded ({plural(len(grading.problems), 'problem')}):"]
        if names:
            lines += ["", *(f"- {_md(str(p))}" for p in grading.problems)]
        else:
            lines[-1] += " the messages of `trainer grade` name the files."
    return lines


def class_report(grading: Grading, names: bool = False) -> str:
    """The whole report; ``names`` shows students' names instead of anonymous labels."""
    labels = student_labels(grading.students, names)
    lines = ["# Class report", "", *_summary(grading, names)]
    if grading.responses:
        for section in (
            _distribution(grading.responses),
            _roadblocks(grading.responses, len(grading.students)),
            _openness(grading, labels),
            _hardest(grading),
            _strongest(grading, labels),
        ):
            lines += ["", *section]
    return "\n".join(lines) + "\n"
