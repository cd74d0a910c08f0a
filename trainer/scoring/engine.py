"""score(statement, response) -> Feedback: the one scoring function every caller uses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from trainer import lexicons
from trainer.scoring.feedback import CAPPED_PREFIX, KIND_WORDS, BestMatch, Check, Feedback, band_for, compose_messages
from trainer.scoring.reading import ROADBLOCK_KINDS, Reading, read
from trainer.scoring.vocabulary import Vocabulary, vocabulary
from trainer.text import sentences, stemmed_phrase, stems, words

# Points per check; without model answers "similarity" is left out and the rest scaled to 100.
MAX_POINTS = {
    "similarity": 20, "feeling": 25, "content": 15, "reflective_form": 15,
    "no_roadblock": 10, "own_words": 8, "client_focus": 4, "length": 3,
}
# A response that is not a reflection cannot score like one, however many words it shares
# with a model answer.
KIND_CAPS = {"open_question": 55, "closed_question": 45}
ROADBLOCK_CAP = 35  # the response is mainly a roadblock
MIXED_CAP = 59  # a reflection is there, but a roadblock is what the client will hear
REFLECTION_WITH_ROADBLOCK_CAP = 69  # a reflection with a roadblock alongside is never "strong"
PARROT_CAP = 50  # the client's own words handed back show attention, not yet understanding

SIMILARITY_FLOOR, SIMILARITY_FULL = 30, 75
SHORT_WORDS, LONG_WORDS = 3, 60
# Shorter words are too often other real words one letter away ("tried" / "tired").
MIN_TYPO_LENGTH = 6


@dataclass(frozen=True)
class Statement:
    """A client statement and what a reflection of it should contain (a Turn is one too)."""

    client: str
    model_answers: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    content: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Prepared:
    answers: tuple[str, ...]
    answer_keys: tuple[str, ...]
    target_families: frozenset[str]
    target_feelings: frozenset[tuple[str, ...]]
    feeling_words: tuple[str, ...]
    content_items: tuple[tuple[str, frozenset[str]], ...]
    client_content: frozenset[str]
    client_stems: frozenset[str]
    # The expected feelings and their families as typed words, for typo matching.
    feeling_spellings: frozenset[str]


def _single_word_families(v: Vocabulary) -> dict[str, str]:
    return {key[0]: families[0] for key, families in v.feeling_families.items() if len(key) == 1}


@lru_cache(maxsize=1)
def _family_of_stem() -> dict[str, str]:
    return _single_word_families(vocabulary())


def _key(stem_seq) -> str:
    """Content stems, with each feeling word replaced by its family, for fuzzy matching."""
    v = vocabulary()
    families = _family_of_stem()
    stop = v.stopwords
    return " ".join(families.get(s, s) for s in stem_seq if s not in stop)


def _content_stems(text: str, v: Vocabulary) -> frozenset[str]:
    found = stems(words(text))
    content = frozenset(s for s in found if s not in v.stopwords)
    return content or frozenset(found)


@lru_cache(maxsize=4096)
def _prepare(client: str, answers: tuple[str, ...], feelings: tuple[str, ...],
             content: tuple[str, ...]) -> _Prepared:
    v = vocabulary()
    if feelings:
        targets = frozenset(stemmed_phrase(f) for f in feelings)
        words_shown = feelings
    else:
        # Without a list, the feelings the model answers name are the ones expected; without
        # model answers, the feelings the client names.
        hits = [(s.stems[a:b], " ".join(s.tokens[a:b])) for text in (answers or (client,))
                for s in sentences(text) for a, b, _ in v.feelings.scan(s.stems)]
        targets = frozenset(h[0] for h in hits)
        words_shown = tuple(dict.fromkeys(h[1] for h in hits))
    families = frozenset(f for t in targets for f in v.feeling_families.get(t, ()))
    target_stems = {s for t in targets for s in t}
    client_stems = frozenset(stems(words(client)))
    client_content = frozenset(
        s for s in client_stems if s not in v.stopwords and s not in target_stems
        and s not in _family_of_stem())
    return _Prepared(
        answers=answers,
        answer_keys=tuple(_key(stems(words(a))) for a in answers),
        target_families=families,
        target_feelings=targets,
        feeling_words=words_shown,
        content_items=tuple((item, _content_stems(item, v)) for item in content),
        client_content=client_content,
        client_stems=client_stems,
        feeling_spellings=frozenset(
            word for family in families for word in lexicons.feelings()[family] if " " not in word
        ) | {f.lower() for f in feelings if " " not in f},
    )


def prepare(statement) -> _Prepared:
    return _prepare(statement.client, tuple(statement.model_answers),
                    tuple(statement.feelings), tuple(statement.content))


# ---------------------------------------------------------------------------- checks


def _similarity(p: _Prepared, reading: Reading) -> tuple[Check, BestMatch]:
    key = _key(reading.stems)
    best_index, similarity = 0, 0.0
    if key:
        size = key.count(" ") + 1
        for _, set_score, index in process.extract(key, p.answer_keys, scorer=fuzz.token_set_ratio, limit=3):
            answer = p.answer_keys[index]
            # token_set_ratio calls any subset a perfect match; weigh it by how much of the
            # answer the response covers, so "you felt" is not 100% like a full reflection.
            coverage = min(1.0, size / (answer.count(" ") + 1))
            blended = (set_score * coverage + fuzz.token_sort_ratio(key, answer)) / 2
            if blended > similarity:
                best_index, similarity = index, blended
    best = BestMatch(p.answers[best_index], round(similarity))
    top = MAX_POINTS["similarity"]
    fraction = (similarity - SIMILARITY_FLOOR) / (SIMILARITY_FULL - SIMILARITY_FLOOR)
    points = round(top * min(1.0, max(0.0, fraction)))
    passed = points * 2 >= top
    message = (f"Close to a model answer ({best.similarity}% similar)." if passed
               else f"Not yet close to a model answer ({best.similarity}% similar).")
    return Check("similarity", passed, points, top, message,
                 strength=f"Your words are close to a model answer ({best.similarity}% similar).",
                 next_step="Compare your words with the model answer below: what did it notice that you did not?"), best


def _listing(words_: tuple[str, ...], limit: int = 3) -> str:
    shown = list(words_[:limit])
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def _misspelt_feeling(p: _Prepared, reading: Reading) -> str | None:
    """A response word one slip away from an expected feeling ("lonley", "anxous")."""
    for token in reading.tokens:
        if len(token) >= MIN_TYPO_LENGTH and process.extractOne(
                token, p.feeling_spellings, scorer=OSA.distance, score_cutoff=1):
            return token
    return None


def _feeling(p: _Prepared, reading: Reading, name: str, v: Vocabulary) -> Check:
    top = MAX_POINTS["feeling"]
    named = reading.feelings
    expected = f" ({_listing(p.feeling_words)})" if p.feeling_words else ""
    exact = next((f for f in named if f.stems in p.target_feelings), None)
    family = next((f for f in named if p.target_families.intersection(f.families)), None)
    if exact or family:
        hit = exact or family
        families = [f for f in hit.families if f in p.target_families] or list(hit.families)
        how = (f" ({families[0]} family)" if exact and families else "" if exact
               else f", in the same family ({families[0]}) as {_listing(p.feeling_words)}")
        return Check("feeling", True, top, top, f"Names the feeling: \"{hit.said}\"{how}.",
                     strength=f"You named the feeling: \"{hit.said}\"{how}.")
    if named and not p.target_feelings:
        hit = named[0]
        return Check("feeling", True, top, top, f"Names a feeling: \"{hit.said}\".",
                     strength=f"You named a feeling (\"{hit.said}\").")
    misspelt = _misspelt_feeling(p, reading)
    if misspelt:
        return Check("feeling", True, top, top, f"Names the feeling: \"{misspelt}\" (spelling aside).",
                     strength=f"You named the feeling (\"{misspelt}\").")
    if named:
        hit = named[0]
        return Check("feeling", False, round(top * 0.4), top,
                     f"Names a feeling (\"{hit.said}\"), but {name} seems to feel something else{expected}.",
                     next_step=f"Listen again for {name}'s own feeling{expected} and name that one.")
    return Check("feeling", False, 0, top, f"No feeling named{expected}.",
                 next_step=f"Name the feeling you hear{expected}: \"It sounds like you feel ...\".")


def _fuzzy_in(stem_: str, pool: frozenset[str]) -> bool:
    if stem_ in pool:
        return True
    return len(stem_) >= 5 and process.extractOne(stem_, pool, scorer=fuzz.ratio, score_cutoff=80) is not None


def _content(p: _Prepared, reading: Reading, name: str) -> Check | None:
    top = MAX_POINTS["content"]
    said = frozenset(reading.stems)
    if p.content_items:
        caught = [label for label, item in p.content_items
                  if 2 * sum(_fuzzy_in(s, said) for s in item) >= len(item)]
        wanted = min(2, len(p.content_items))
        missing = [label for label, _ in p.content_items if label not in caught]
    elif p.client_content:
        shared = [s for s in p.client_content if _fuzzy_in(s, said)]
        caught = shared
        wanted = min(2, len(p.client_content))
        missing = []
    else:
        return None
    points = round(top * min(1.0, len(caught) / wanted))
    passed = points * 2 >= top
    example = f" (for example: {missing[0]})" if missing else ""
    if p.content_items:
        message = (f"Captures what it is about: {', '.join(caught)}." if caught
                   else f"Does not yet say what it is about{example}.")
    else:
        message = ("Captures what it is about, in the client's terms." if passed
                   else "Does not yet say what it is about.")
    return Check("content", passed, points, top, message,
                 strength=f"You captured what it is about{': ' + ', '.join(caught) if p.content_items else ''}.",
                 next_step=f"Add what it is about{example}: \"... because ...\" or \"... when ...\".")


def _reflective_form(reading: Reading, name: str) -> Check:
    top = MAX_POINTS["reflective_form"]
    if reading.kind == "reflection" and not reading.question_shaped_reflection:
        return Check("reflective_form", True, top, top, "A statement in the client's frame.",
                     strength=f"You reflected as a statement, in {name}'s frame.")
    if reading.kind == "reflection":
        return Check("reflective_form", True, round(top * 0.7), top,
                     "A reflection, phrased as a question.",
                     strength="You offered a reflection.",
                     next_step="Try the same reflection as a statement, with your voice going down at the end.")
    if reading.has_reflection:
        return Check("reflective_form", False, round(top * 0.5), top,
                     f"There is a reflection, but the response is mainly {KIND_WORDS[reading.kind]}.",
                     next_step="Keep the reflection and leave out the rest; let it stand on its own.")
    if reading.kind in ("open_question", "closed_question"):
        return Check("reflective_form", False, 0, top, f"A question, not a reflection ({KIND_WORDS[reading.kind]}).",
                     next_step=f"Turn the question into a statement of what you hear: \"It sounds like you ...\".")
    return Check("reflective_form", False, 0, top, f"Not a reflection: this is {KIND_WORDS[reading.kind]}.",
                 next_step=f"Start from {name}'s side: \"It sounds like you feel ...\" or \"You're ...\".")


def _no_roadblock(reading: Reading, v: Vocabulary) -> Check:
    top = MAX_POINTS["no_roadblock"]
    if not reading.roadblocks:
        return Check("no_roadblock", True, top, top, "No roadblocks to listening.",
                     strength="You listened without fixing, judging or reassuring.")
    hit = reading.roadblocks[0]
    block = v.roadblocks[hit.roadblock]
    more = f" (and {len(reading.roadblocks) - 1} more)" if len(reading.roadblocks) > 1 else ""
    return Check("no_roadblock", False, 0, top,
                 f"Roadblock: {block.name} (\"{hit.said}\"){more} -- {block.why}.",
                 next_step=f"{block.name} (\"{hit.said}\") is a roadblock: {block.why}. Instead, {block.instead}.")


def _parrots(p: _Prepared, reading: Reading, v: Vocabulary) -> bool:
    """Hands the client's words back without adding a feeling or words of one's own."""
    said = [s for s in reading.stems if s not in v.stopwords]
    client = p.client_content
    if len(client) < 3 or not said:
        return False
    repeated = sum(s in client for s in said)
    new = len(set(said) - p.client_stems)
    adds_feeling = any(not set(f.stems) <= p.client_stems for f in reading.feelings)
    return repeated >= 0.8 * len(client) and new <= 1 and not adds_feeling


def _own_words(parrots: bool, name: str) -> Check:
    top = MAX_POINTS["own_words"]
    if parrots:
        return Check("own_words", False, 0, top, f"Repeats {name}'s words almost exactly.",
                     next_step=f"Say it in your own words, and add the feeling underneath what {name} said.")
    return Check("own_words", True, top, top, "In your own words, not a repeat.",
                 strength="You put it in your own words.")


def _client_focus(reading: Reading, name: str) -> Check:
    top = MAX_POINTS["client_focus"]
    if reading.disclosures or (reading.first_person >= 3 and reading.first_person > reading.second_person):
        evidence = f" (\"{reading.disclosures[0]}\")" if reading.disclosures else ""
        return Check("client_focus", False, 0, top, f"Turns the focus to you{evidence}.",
                     next_step=f"Keep the spotlight on {name}: leave your own story out for now.")
    return Check("client_focus", True, top, top, f"Keeps the focus on {name}.",
                 strength=f"You kept the focus on {name}.")


def _length(reading: Reading) -> Check:
    top = MAX_POINTS["length"]
    n = len(reading.tokens)
    if n < SHORT_WORDS:
        return Check("length", False, 0, top, f"Very short ({n} word{'s' if n != 1 else ''}).",
                     next_step="Give a full sentence: the feeling and what it is about.")
    if n > LONG_WORDS:
        return Check("length", False, 0, top, f"Long ({n} words); the reflection can get lost.",
                     next_step="Say it in one or two sentences; a short reflection lands better.")
    return Check("length", True, top, top, f"A workable length ({n} words).")


# ---------------------------------------------------------------------------- score


def _cap(reading: Reading, parrots: bool) -> tuple[int, str]:
    kind = reading.kind
    if parrots and kind == "reflection":
        return PARROT_CAP, f"repeating the client's words scores at most {PARROT_CAP}"
    if kind in KIND_CAPS:
        return KIND_CAPS[kind], f"a question scores at most {KIND_CAPS[kind]}"
    if kind in ROADBLOCK_KINDS:
        if reading.has_reflection:
            return MIXED_CAP, f"a reflection mixed with {KIND_WORDS[kind]} scores at most {MIXED_CAP}"
        return ROADBLOCK_CAP, f"{KIND_WORDS[kind]} scores at most {ROADBLOCK_CAP}"
    if reading.roadblocks:
        return REFLECTION_WITH_ROADBLOCK_CAP, f"a reflection with a roadblock scores at most {REFLECTION_WITH_ROADBLOCK_CAP}"
    return 100, ""


def score(statement, text: str, client_name: str | None = None) -> Feedback:
    """Score one response to one client statement.

    ``statement`` is a scenario Turn or a Statement: anything with ``client``,
    ``model_answers``, ``feelings`` and ``content``. Same input, same output, always.
    """
    v = vocabulary()
    p = prepare(statement)
    reading = read(text)
    name = client_name or "the client"
    checks: list[Check] = []
    best = None
    if p.answers:
        similarity, best = _similarity(p, reading)
        checks.append(similarity)
    checks.append(_feeling(p, reading, name, v))
    content = _content(p, reading, name)
    if content:
        checks.append(content)
    parrots = _parrots(p, reading, v)
    checks += [_reflective_form(reading, name), _no_roadblock(reading, v),
               _own_words(parrots, name), _client_focus(reading, name), _length(reading)]
    total = sum(c.points for c in checks)
    possible = sum(c.max_points for c in checks)
    raw = round(100 * total / possible) if reading.tokens else 0
    cap, why = _cap(reading, parrots)
    value = min(raw, cap)
    band = band_for(value)
    messages = compose_messages(tuple(checks), best, name, band, reading.kind)
    if value < raw:
        note = f"{CAPPED_PREFIX} {cap}: {why}."
        messages = (*messages[:-1], note, *messages[-1:]) if best else (*messages, note)
    return Feedback(value, band, reading.kind, tuple(checks), best, messages,
                    tuple(dict.fromkeys(h.roadblock for h in reading.roadblocks)))
