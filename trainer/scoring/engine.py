"""score(statement, response) -> Feedback: the one scoring function every caller uses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Protocol, overload

from rapidfuzz import fuzz, process

from trainer.rubric import CHECK, KIND_WORDS, MAX_POINTS, MAX_RESPONSE_CHARS, band_for
from trainer.scoring.features import SAID_BACK, ClientWords
from trainer.scoring.feedback import BestMatch, Check, Feedback, strengths_and_step
from trainer.scoring.reading import Reading, feelings_in, read
from trainer.scoring.spelling import Speller
from trainer.scoring.text import feeling_phrase, sentences, stem, stems, words
from trainer.scoring.vocabulary import Vocabulary, vocabulary

# Points per check are in trainer/rubric.py; without model answers "similarity" is left out and the
# rest scaled to 100.
# A response that is not a reflection cannot score like one, however many words it shares
# with a model answer.
KIND_CAPS = {"open_question": 55, "closed_question": 45}
# An open question that invites the client to say more is a start on listening.
EXPLORING_FLOOR = 40
ROADBLOCK_CAP = 35  # the response is mainly a roadblock
MIXED_CAP = 59  # a reflection is there, but a roadblock is what the client will hear
REFLECTION_WITH_ROADBLOCK_CAP = 69  # a reflection with a roadblock alongside is never "strong"
PARROT_CAP = 50  # the client's own words handed back show attention, not yet understanding
PARROT_RUN = 3  # words in a row that hand the client's words back
PARROT_LENGTH = 7  # a shorter response says it back too briefly to be a copy ("You miss your mom.")
PARROT_SHARE = 0.6  # of the response
NO_FEELING_CAP = 59  # what happened, restated without how it felt: a start
STRONG_FLOOR = 80  # the lowest "strong" score
NOTHING_CAP = 10  # nothing said to the client: empty words, gibberish, off-topic
# A response this close to a model answer says what that answer says: it earns its credit.
CLOSE_TO_AN_ANSWER = 80

SIMILARITY_FLOOR, SIMILARITY_FULL = 30, 75
SHORT_WORDS, LONG_WORDS = 3, 60


class StatementLike(Protocol):
    """What ``score`` reads of a statement: a scenario's Statement and an AdHocStatement alike."""

    @property
    def client(self) -> str: ...
    @property
    def model_answers(self) -> Sequence[str]: ...
    @property
    def feelings(self) -> Sequence[str]: ...
    @property
    def content(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class AdHocStatement:
    """A client statement and what a reflection of it should contain (a scenario Statement is one too)."""

    client: str
    model_answers: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    content: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What a statement asks of a reflection, worked out once per statement and cached."""

    answers: tuple[str, ...]
    answer_keys: tuple[str, ...]
    target_families: frozenset[str]
    target_feelings: frozenset[tuple[str, ...]]
    feeling_words: tuple[str, ...]
    content_items: tuple[tuple[str, frozenset[str]], ...]
    client_content: frozenset[str]
    client: ClientWords
    client_stems: frozenset[str]
    speller: Speller = field(compare=False, hash=False)
    # What each model answer earns on the feeling, content and depth checks, worked out when
    # a response first comes close to it.
    answer_credit: dict[int, dict[str, Check]] = field(default_factory=dict, compare=False, hash=False)


def _single_word_families(v: Vocabulary) -> dict[str, str]:
    return {key[0]: families[0] for key, families in v.feeling_families.items() if len(key) == 1}


@lru_cache(maxsize=1)
def _family_of_stem() -> dict[str, str]:
    return _single_word_families(vocabulary())


@lru_cache(maxsize=1)
def _lexicon_feeling_stems() -> frozenset[str]:
    return frozenset(_family_of_stem())


def _key(stem_seq: Iterable[str]) -> str:
    """Content stems, with each feeling word replaced by its family, for fuzzy matching."""
    v = vocabulary()
    families = _family_of_stem()
    stop = v.stopwords
    return " ".join(families.get(s, s) for s in stem_seq if s not in stop)


def _content_stems(text: str, v: Vocabulary) -> frozenset[str]:
    found = stems(words(text))
    content = frozenset(s for s in found if s not in v.stopwords)
    return content or frozenset(found)


@dataclass(frozen=True, slots=True)
class _Answer:
    """What a model answer gives every statement it belongs to, worked out once per answer
    text: ad-hoc statements (batch rows) often share their answers."""

    key: str  # for fuzzy matching (``_key``)
    words: tuple[str, ...]
    feelings: tuple[tuple[tuple[str, ...], str], ...]  # (stems, as said in lower case) of each feeling named


@lru_cache(maxsize=16384)
def _answer(text: str) -> _Answer:
    answer_words = tuple(words(text))
    named = tuple((f.stems, f.said.lower()) for f in feelings_in(sentences(text)))
    return _Answer(_key(stems(answer_words)), answer_words, named)


@lru_cache(maxsize=4096)
def _prepare(client: str, answers: tuple[str, ...], feelings: tuple[str, ...], content: tuple[str, ...]) -> _Prepared:
    v = vocabulary()
    client_sentences = sentences(client)
    read_answers = [_answer(a) for a in answers]
    if feelings:
        targets = frozenset(feeling_phrase(f) for f in feelings)
        words_shown = feelings
    else:
        # Without a list, the feelings the model answers name are the ones expected; without
        # model answers, the feelings the client names.
        if answers:
            hits = [hit for a in read_answers for hit in a.feelings]
        else:
            hits = [(f.stems, f.said.lower()) for f in feelings_in(client_sentences)]
        targets = frozenset(h[0] for h in hits)
        words_shown = tuple(dict.fromkeys(h[1] for h in hits))
    families = frozenset(f for t in targets for f in v.feeling_families.get(t, ()))
    target_stems = {s for t in targets for s in t}
    feeling_stems = _lexicon_feeling_stems() | target_stems
    items = tuple((item, _content_stems(item, v) - feeling_stems) for item in content)
    client_stems = frozenset(chain.from_iterable(s.stems for s in client_sentences))
    client_content = client_stems - v.stopwords - feeling_stems
    return _Prepared(
        answers=answers,
        answer_keys=tuple(a.key for a in read_answers),
        target_families=families,
        target_feelings=targets,
        feeling_words=words_shown,
        content_items=items,
        client_content=client_content,
        client=ClientWords.of(client_sentences, client_content),
        speller=Speller(
            chain(words(client), *(a.words for a in read_answers), *map(words, content), *map(words, feelings))
        ),
        client_stems=client_stems,
    )


def prepare(statement: StatementLike) -> _Prepared:
    return _prepare(
        statement.client, tuple(statement.model_answers), tuple(statement.feelings), tuple(statement.content)
    )


# ---------------------------------------------------------------------------- checks


def _similarity(p: _Prepared, reading: Reading) -> tuple[Check, BestMatch]:
    key = _key(reading.stems)
    best_index, similarity = 0, 0.0
    if key:
        # The closest answer in words and order of words (token_sort_ratio, one pass in C);
        # then its token_set_ratio, which forgives extra words -- weighed by how much of the
        # answer the response covers, so "you felt" is not 100% like a full reflection.
        answer, sort_score, best_index = process.extractOne(key, p.answer_keys, scorer=fuzz.token_sort_ratio)
        coverage = min(1.0, (key.count(" ") + 1) / (answer.count(" ") + 1))
        similarity = (fuzz.token_set_ratio(key, answer) * coverage + sort_score) / 2
    best = BestMatch(p.answers[best_index], round(similarity))
    top = MAX_POINTS["similarity"]
    fraction = (similarity - SIMILARITY_FLOOR) / (SIMILARITY_FULL - SIMILARITY_FLOOR)
    points = round(top * min(1.0, max(0.0, fraction)))
    passed = points * 2 >= top
    message = (
        f"Close to a model answer ({best.similarity}% similar)."
        if passed
        else f"Not yet close to a model answer ({best.similarity}% similar)."
    )
    return Check(
        "similarity",
        passed,
        points,
        top,
        message,
        strength=f"Your words are close to a model answer ({best.similarity}% similar).",
        next_step=CHECK["similarity"].tip,
    ), best


def _listing(words_: tuple[str, ...], limit: int = 3) -> str:
    shown = list(words_[:limit])
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def _feeling(p: _Prepared, reading: Reading, name: str, v: Vocabulary, about: bool) -> Check:
    """The client's feeling named, or one of its family; what it means to them; another
    feeling that hurts as theirs does (most of the points); or what they want or hold (part).
    A word that only says how hard it is ("That sounds hard") names the feeling in general
    terms, unless the response says what it is about (``about``)."""
    top = MAX_POINTS["feeling"]
    named = reading.feelings
    expected = f" ({_listing(p.feeling_words)})" if p.feeling_words else ""
    exact = next((f for f in named if f.stems in p.target_feelings), None)
    family = next((f for f in named if p.target_families.intersection(f.families)), None)
    pleasant = v.pleasant_families
    valences = {family in pleasant for family in p.target_families}  # painful (False), pleasant (True) or both
    akin = next((f for f in named if any(family in pleasant for family in f.families[:1]) in valences), None)
    hit = exact or family or akin
    if hit is not None and all(f.stems in v.vague_feelings for f in named) and not about:
        return Check(
            "feeling",
            False,
            round(top * 0.6),
            top,
            f'Names the feeling in general terms ("{hit.said}"){expected}.',
            next_step=f'Find a more exact word for what {name} feels{expected}: "hard" and "sad" '
            "say how it is, not yet how it feels.",
        )
    if exact:
        return Check(
            "feeling",
            True,
            top,
            top,
            f'Names the feeling: "{exact.said}".',
            strength=f'You named the feeling: "{exact.said}".',
        )
    if family:
        kin = next(f for f in family.families if f in p.target_families)
        return Check(
            "feeling",
            True,
            top,
            top,
            f'Names the feeling: "{family.said}", a word for feeling {kin}.',
            strength=f'You named the feeling: "{family.said}", a word for feeling {kin}.',
        )
    if reading.depth and reading.kind == "reflection":  # a complex reflection names the feeling beneath the words
        how, said = min(reading.depth, key=lambda d: list(DEPTH_WORDS).index(d[0]))
        what = DEPTH_WORDS[how].format(name=name)
        return Check(
            "feeling",
            True,
            top,
            top,
            f'Reflects {what}: "{said}".',
            strength=f'You reflected {what} ("{said}"), beneath the feeling.',
        )
    if named and not p.target_feelings:
        hit = named[0]
        return Check(
            "feeling",
            True,
            top,
            top,
            f'Names a feeling: "{hit.said}".',
            strength=f'You named a feeling ("{hit.said}").',
        )
    if akin:
        return Check(
            "feeling",
            True,
            round(top * 0.8),
            top,
            f'Names a feeling ("{akin.said}"); {name} may feel {_listing(p.feeling_words)} most.',
            strength=f'You named a feeling ("{akin.said}").',
            next_step=f"Check the feeling against {name}'s words: {_listing(p.feeling_words)}?",
        )
    if reading.inner_states and reading.kind == "reflection":
        said = reading.inner_states[0]
        return Check(
            "feeling",
            False,
            round(top * 0.6),
            top,
            f'Reflects what {name} wants or holds ("{said}"), but names no feeling{expected}.',
            next_step=f'Name the feeling under it too{expected}: "... and that leaves you feeling ...".',
        )
    if named:
        hit = named[0]
        return Check(
            "feeling",
            False,
            round(top * 0.4),
            top,
            f'Names a feeling ("{hit.said}"), but {name} seems to feel something else{expected}.',
            next_step=f"Listen again for {name}'s own feeling{expected} and name that one.",
        )
    return Check(
        "feeling",
        False,
        0,
        top,
        f"No feeling named{expected}.",
        next_step=f'Name the feeling you hear{expected}: "It sounds like you feel ...".',
    )


def _content(p: _Prepared, reading: Reading, name: str) -> Check | None:
    """What it is about: a content item named (any of its words), or the client's own subject
    matter taken up (one or two of the words the client used)."""
    top = MAX_POINTS["content"]
    said = frozenset(reading.stems)
    if not p.content_items and not p.client_content:
        return None
    caught = [label for label, item in p.content_items if not item.isdisjoint(said)]
    # A short statement is about one or two things; a long one needs two of its words taken up.
    needed = min(2, max(1, len(p.client_content) // 3))
    shared = list(p.client_content.intersection(said))
    if caught or len(shared) >= needed:
        what = f": {', '.join(caught)}" if caught else f", in {name}'s terms"
        return Check(
            "content",
            True,
            top,
            top,
            f"Captures what it is about{what}.",
            strength=f"You captured what it is about{what}.",
        )
    missing = f" (for example: {p.content_items[0][0]})" if p.content_items else ""
    return Check(
        "content",
        False,
        top // 2 if shared else 0,
        top,
        f"Does not yet say what it is about{missing}.",
        next_step=f'Add what it is about{missing}: "... because ..." or "... when ...".',
    )


def _short_of(check: str, message: str, name: str, points: int = 0) -> Check:
    """A check not met: no points (or ``points``, for a part of it), and its tip as the next step."""
    return Check(check, False, points, MAX_POINTS[check], message, next_step=CHECK[check].tip.format(name=name))


def _reflective_form(reading: Reading, name: str) -> Check:
    top = MAX_POINTS["reflective_form"]
    if reading.kind == "reflection" and not reading.question_shaped_reflection:
        return Check(
            "reflective_form",
            True,
            top,
            top,
            "A statement in the client's frame.",
            strength=f"You reflected as a statement, in {name}'s frame.",
        )
    if reading.kind == "reflection":
        return Check(
            "reflective_form",
            True,
            round(top * 0.7),
            top,
            "A reflection, phrased as a question.",
            strength="You offered a reflection.",
            next_step="Try the same reflection as a statement, with your voice going down at the end.",
        )
    if reading.has_reflection:
        return Check(
            "reflective_form",
            False,
            round(top * 0.5),
            top,
            f"There is a reflection, but the response is mainly {KIND_WORDS[reading.kind]}.",
            next_step="Keep the reflection and leave out the rest; let it stand on its own.",
        )
    if reading.kind in ("open_question", "closed_question"):
        return _short_of("reflective_form", f"A question, not a reflection ({KIND_WORDS[reading.kind]}).", name)
    return Check(
        "reflective_form",
        False,
        0,
        top,
        f"Not a reflection: this is {KIND_WORDS[reading.kind]}.",
        next_step=f'Start from {name}\'s side: "It sounds like you feel ..." or "You\'re ...".',
    )


def _no_roadblock(reading: Reading, v: Vocabulary) -> Check:
    top = MAX_POINTS["no_roadblock"]
    if not reading.roadblocks:
        return Check(
            "no_roadblock",
            True,
            top,
            top,
            "No roadblocks to listening.",
            strength="You listened without fixing, judging or reassuring.",
        )
    hit = reading.roadblocks[0]
    block = v.roadblocks[hit.roadblock]
    others = [f'{v.roadblocks[h.roadblock].name.lower()} ("{h.said}")' for h in reading.roadblocks[1:]]
    more = f"; also {_listing(tuple(others), len(others)).replace(' or ', ' and ')}" if others else ""
    return Check(
        "no_roadblock",
        False,
        0,
        top,
        f'Roadblock: {block.name} ("{hit.said}") -- {block.why}{more}.',
        next_step=f'{block.name} ("{hit.said}") is a roadblock: {block.why}. Instead, {block.instead}.',
    )


DEPTH_WORDS = {
    "meaning": "what it means to {name}",
    "both_sides": "both sides of what {name} feels",
    "continuing": "what lies under {name}'s words",
}


def _depth(reading: Reading, feeling: Check, content: Check | None, name: str) -> Check:
    """A complex reflection goes beyond the client's words: what it means to them, both sides
    of what they feel, or what lies under what they said. A simple one links the feeling to
    what happened; a start does neither."""
    top = MAX_POINTS["depth"]
    if reading.kind == "reflection" and reading.depth:
        how, said = min(reading.depth, key=lambda d: list(DEPTH_WORDS).index(d[0]))
        what = DEPTH_WORDS[how].format(name=name)
        return Check(
            "depth",
            True,
            top,
            top,
            f'Goes beyond the words: {what} ("{said}").',
            strength=f'You went beyond {name}\'s words: {what} ("{said}").',
        )
    if reading.kind == "reflection" and feeling.passed and content is not None and content.passed:
        return _short_of("depth", "Links the feeling to what happened.", name, points=top // 3)
    return _short_of("depth", f"Stays with {name}'s words.", name)


def _parrots(p: _Prepared, reading: Reading, v: Vocabulary) -> bool:
    """The client's own words handed back: most of the response is a run of at least
    ``PARROT_RUN`` of their words, said back to them, with no feeling of its own added."""
    said = [stem(SAID_BACK.get(t, t)) for t in reading.tokens]
    if len(said) < PARROT_LENGTH:
        return False
    copied: set[int] = set()
    for i in range(len(said) - PARROT_RUN + 1):
        if tuple(said[i : i + PARROT_RUN]) in p.client.phrases:
            copied.update(range(i, i + PARROT_RUN))
    adds_feeling = any(not set(f.stems) <= p.client_stems for f in reading.feelings)
    return len(copied) >= PARROT_SHARE * len(said) and not adds_feeling


def _own_words(parrots: bool, name: str) -> Check:
    top = MAX_POINTS["own_words"]
    if parrots:
        return _short_of("own_words", f"Repeats {name}'s words almost exactly.", name)
    return Check(
        "own_words", True, top, top, "In your own words, not a repeat.", strength="You put it in your own words."
    )


def _client_focus(reading: Reading, name: str) -> Check:
    top = MAX_POINTS["client_focus"]
    if reading.disclosures or (reading.first_person >= 3 and reading.first_person > reading.second_person):
        evidence = f' ("{reading.disclosures[0]}")' if reading.disclosures else ""
        return _short_of("client_focus", f"Turns the focus to you{evidence}.", name)
    return Check(
        "client_focus", True, top, top, f"Keeps the focus on {name}.", strength=f"You kept the focus on {name}."
    )


def _length(reading: Reading) -> Check:
    top = MAX_POINTS["length"]
    n = len(reading.tokens)
    if n < SHORT_WORDS:
        return Check(
            "length",
            False,
            0,
            top,
            f"Very short ({n} word{'s' if n != 1 else ''}).",
            next_step="Give a full sentence: the feeling and what it is about.",
        )
    if n > LONG_WORDS:
        return Check(
            "length",
            False,
            0,
            top,
            f"Long ({n} words); the reflection can get lost.",
            next_step="Say it in one or two sentences; a short reflection lands better.",
        )
    return Check("length", True, top, top, f"A workable length ({n} words).")


# ---------------------------------------------------------------------------- score


def _answer_credit(p: _Prepared, index: int, name: str) -> dict[str, Check]:
    """What model answer ``index`` earns on the feeling, content and depth checks."""
    found = p.answer_credit.get(index)
    if found is None:
        answer = read(p.answers[index], p.client)
        content = _content(p, answer, name)
        feeling = _feeling(p, answer, name, vocabulary(), content is not None and content.passed)
        checks = {"feeling": feeling, "depth": _depth(answer, feeling, content, name)}
        if content is not None:
            checks["content"] = content
        found = p.answer_credit[index] = checks
    return found


@overload
def _credited(own: Check, answers: Check | None, best: BestMatch) -> Check: ...
@overload
def _credited(own: Check | None, answers: Check | None, best: BestMatch) -> Check | None: ...
def _credited(own: Check | None, answers: Check | None, best: BestMatch) -> Check | None:
    """The response's own check, or the model answer's when that one earns more: a response
    that says what a model answer says earns what the answer earns."""
    if own is None or answers is None or answers.points <= own.points:
        return own
    return Check(
        own.id,
        answers.passed,
        answers.points,
        answers.max_points,
        f"{answers.message[:-1]}, as the model answer it matches ({best.similarity}% similar) does.",
        strength=answers.strength,
        next_step=answers.next_step,
    )


_SAYS_NOTHING = frozenset({"filler or checking tag", "small talk"})


def _nothing_said(p: _Prepared, reading: Reading, name: str) -> str | None:
    """Why a response says nothing to the client yet, if it does not: not words, empty words,
    or words about something else."""
    if not reading.tokens:
        return "there is nothing to read yet"
    typed = [t for t in reading.tokens if t.isalpha()]
    if typed and 2 * sum(map(p.speller.unknown, typed)) >= len(typed):
        return "this does not read as words yet"
    if all(a.act is None or a.why in _SAYS_NOTHING for a in reading.acts):
        return f"this says nothing yet about what {name} said"
    if (
        reading.kind == "other"
        and not reading.feelings
        and not reading.second_person
        and p.client_content.isdisjoint(reading.stems)
    ):
        return f"this is about something other than what {name} said"
    return None


def _caps(p: _Prepared, reading: Reading, parrots: bool, checks: dict[str, Check], name: str) -> list[tuple[int, str]]:
    """The most a response of this shape can score, with the reason said in words."""
    kind, caps = reading.kind, []
    nothing = _nothing_said(p, reading, name)
    if nothing:
        caps.append((NOTHING_CAP, f"{nothing}, so it scores at most {NOTHING_CAP}"))
    if len(reading.tokens) < SHORT_WORDS:
        caps.append((ROADBLOCK_CAP, f"a reply of one or two words scores at most {ROADBLOCK_CAP}"))
    if kind == "reflection":
        if parrots:
            caps.append((PARROT_CAP, f"repeating the client's words scores at most {PARROT_CAP}"))
        if reading.roadblocks:
            caps.append(
                (
                    REFLECTION_WITH_ROADBLOCK_CAP,
                    f"a reflection with a roadblock scores at most {REFLECTION_WITH_ROADBLOCK_CAP}",
                )
            )
        if reading.question_shaped_reflection:
            caps.append((STRONG_FLOOR - 1, f"a reflection asked as a question scores at most {STRONG_FLOOR - 1}"))
        elif reading.question_after_reflection:
            caps.append(
                (
                    STRONG_FLOOR - 1,
                    f"a question after the reflection pulls {name} away from it; "
                    f"a reflection with a question scores at most {STRONG_FLOOR - 1}",
                )
            )
        feeling = checks["feeling"]
        if not feeling.passed and not (feeling.points and reading.inner_states):  # what they want is their inner world
            caps.append((NO_FEELING_CAP, f"a reflection that names no feeling scores at most {NO_FEELING_CAP}"))
    elif kind in KIND_CAPS:
        blocks = vocabulary().roadblocks
        probing = any(blocks[hit.roadblock].kind == "open_question" for hit in reading.roadblocks)
        if probing:
            caps.append((ROADBLOCK_CAP, f"a why question scores at most {ROADBLOCK_CAP}"))
        elif any(a.explores for a in reading.acts):
            caps.append((KIND_CAPS[kind], f"a question about the client's experience scores at most {KIND_CAPS[kind]}"))
        else:
            caps.append((ROADBLOCK_CAP, f"a question that gathers facts scores at most {ROADBLOCK_CAP}"))
    elif reading.has_reflection and reading.feelings and kind != "judgment":  # judgment spoils what it touches
        caps.append((MIXED_CAP, f"a reflection mixed with {KIND_WORDS[kind]} scores at most {MIXED_CAP}"))
    else:
        caps.append((ROADBLOCK_CAP, f"{KIND_WORDS[kind]} scores at most {ROADBLOCK_CAP}"))
    return caps


def _within_limit(text: str) -> tuple[str, str | None]:
    """The response as scored: one longer than any reflection is read up to the limit, at a
    word's end, and the note says so."""
    if len(text) <= MAX_RESPONSE_CHARS:
        return text, None
    cut = text[:MAX_RESPONSE_CHARS]
    cut = cut[: cut.rfind(" ")] if " " in cut[MAX_RESPONSE_CHARS // 2 :] else cut
    return cut, (
        f"Only the first {len(cut):,} characters were scored: a reflection is a sentence or two, "
        f"and this response has {len(text):,}."
    )


def score(statement: StatementLike, text: str, client_name: str | None = None) -> Feedback:
    """Score one response to one client statement.

    ``statement`` is a scenario Statement or an AdHocStatement: anything with ``client``,
    ``model_answers``, ``feelings`` and ``content``. Same input, same output, always.
    """
    v = vocabulary()
    p = prepare(statement)
    text, cut = _within_limit(text)
    reading = read(text, p.client, p.speller.mend, frozenset(words(client_name)) if client_name else frozenset())
    name = client_name or "the client"
    checks: list[Check] = []
    best = None
    if p.answers:
        similarity, best = _similarity(p, reading)
        checks.append(similarity)
    content = _content(p, reading, name)
    feeling = _feeling(p, reading, name, v, (content is not None and content.passed) or bool(reading.depth))
    depth = _depth(reading, feeling, content, name)
    if content is not None and depth.passed and not content.passed:  # the meaning is what it is about
        content = Check(
            "content",
            True,
            content.max_points,
            content.max_points,
            "Captures what it is about, beneath the facts.",
            strength=f"You caught what it is about for {name}, beneath the facts.",
        )
    if best is not None and best.similarity >= CLOSE_TO_AN_ANSWER and reading.kind == "reflection":
        credit = _answer_credit(p, p.answers.index(best.answer), name)
        feeling, depth = _credited(feeling, credit["feeling"], best), _credited(depth, credit["depth"], best)
        content = _credited(content, credit.get("content"), best)
    checks += [feeling, *([content] if content else []), _reflective_form(reading, name), depth]
    parrots = _parrots(p, reading, v)
    checks += [_no_roadblock(reading, v), _own_words(parrots, name), _client_focus(reading, name), _length(reading)]
    total = sum(c.points for c in checks)
    possible = sum(c.max_points for c in checks)
    raw = round(100 * total / possible) if reading.tokens else 0
    cap, why = min(_caps(p, reading, parrots, {c.id: c for c in checks}, name), default=(100, ""))
    value = min(raw, cap)
    notes = [f"Score capped at {cap}: {why}."] if value < raw else []
    if reading.kind == "open_question" and any(a.explores for a in reading.acts) and value < EXPLORING_FLOOR <= cap:
        value = EXPLORING_FLOOR
        notes.append(
            f"Score raised to {EXPLORING_FLOOR}: an open question that invites {name} to say more "
            "is a start on listening."
        )
    if cut:
        notes.append(cut)
    band = band_for(value)
    strengths, step = strengths_and_step(tuple(checks), name, band, reading.kind)
    return Feedback(
        value,
        band,
        reading.kind,
        tuple(checks),
        best,
        strengths,
        step,
        tuple(notes),
        tuple(dict.fromkeys(h.roadblock for h in reading.roadblocks)),
    )
