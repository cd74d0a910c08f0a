"""What one sentence of a response shows: the record every reading rule looks at.

Each feature is worked out at most once per sentence, when a rule first asks for it, and
every one of them is linear in the sentence's length: runs of listed phrases are skipped with
a memo, and the clause a position belongs to is found by bisection, so a sentence of ten
thousand commas costs what ten thousand words cost.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from trainer.scoring.once import once
from trainer.scoring.text import PhraseIndex, Sentence, stem
from trainer.scoring.vocabulary import Vocabulary

_SELF_SUBJECTS = frozenset({"i", "my", "me", "we", "our"})
# Words after which "you" starts a clause of its own: "..., and you'd rather not show it",
# "I'm sorry you're going through this".
_JOINERS = frozenset(
    {
        "and",
        "but",
        "so",
        "that",
        "because",
        "since",
        "while",
        "where",
        "as",
        "yet",
        "now",
        "sorry",
        "hear",
        "made",
        "makes",
        "make",
        "left",
        "leaves",
        "leaving",
    }
)
_GROUNDING = frozenset({"from", "based", "by", "after", "hearing", "listening", "reading"})
DEICTIC = frozenset({"that", "this", "it", "what", "how", "such", "sounds", "must"})
HEDGES = frozenset({"maybe", "perhaps"})
# A restatement shares at least this many content words with what the client said.
_RESTATEMENT_OVERLAP = 2
_NEGATIONS = frozenset({"not", "never", "no"})
_ARTICLES = frozenset({"a", "an", "the"})
_NOT_GERUNDS = frozenset({"during", "morning", "evening", "nothing", "something", "anything", "everything"})
_FEELING_VERBS = frozenset({"feel", "feels", "felt", "feeling", "seem", "seems", "seemed", "look", "looks"})
_CONTRASTS = frozenset({"but", "however", "though", "although", "yet"})
_NOT_REPORTING = frozenset({"i", "me", "we", "to", "will", "would", "can", "could", "should", "must", "might", "may"})
_VERBS_AFTER_A_SUBJECT = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "has",
        "had",
        "can",
        "could",
        "will",
        "would",
        "may",
        "might",
        "helps",
        "does",
        "seems",
        "makes",
        "gives",
    }
)
_WHEN = frozenset({"when", "once", "after", "before", "since", "whenever"})
_OWN_ACTION_SKIPS = frozenset({"just", "also", "always", "usually", "often", "sometimes", "still", "would", "will"})
# Between a subject and a directive phrase: "I am going to try and quit", "you are struggling
# to get over it" -- someone's own plans and efforts, not an order.
_OWN_EFFORT_SKIPS = _OWN_ACTION_SKIPS | {
    "to",
    "go",
    "going",
    "want",
    "wanted",
    "am",
    "is",
    "are",
    "was",
    "were",
    "been",
    "have",
    "had",
    "trying",
    "struggling",
    "able",
    "unable",
}
_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "people"})
# Judgments that a question only asks about ("Do you think it's anxiety?", "Have you always...?").
_ASKED_JUDGMENTS = frozenset({"judging", "interpreting"})
_ADVERBS = frozenset({"never", "always"})  # "Never give up" orders; "Never missing a shift" is a subject
_COPULAS = frozenset({"is", "was"})
_SOFT = frozenset({"can", "could", "might", "may"})  # advice offered as a possibility
_THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})
_PRONOUN_HEADS = frozenset({"something", "anything", "everything", "nothing", "someone", "anyone", "everyone"})
_ATTRIBUTING = frozenset({"sounds", "sound", "seems", "seem", "felt", "feels", "must", "been", "like"})
_MODALS = frozenset({"can", "could", "will", "would", "might", "may", "should"})
_DETERMINERS = frozenset({"the", "a", "an", "any", "some", "every", "those", "these"})
# Nouns of time and manner that start a main clause: "In the end you have to...".
_NOT_RELATIVE = frozenset({"end", "meantime", "meanwhile", "way", "moment", "time", "future", "long"})
_SYMPATHY = frozenset({"sorry", "glad"})
_SUBORDINATORS = _SYMPATHY | frozenset(
    {
        "that",
        "when",
        "whenever",
        "if",
        "because",
        "since",
        "as",
        "while",
        "how",
        "what",
        "where",
        "until",
        "unless",
        "though",
        "although",
        "whether",
        "once",
        "after",
        "before",
    }
)
_INVERTED_SUBJECTS = frozenset({"you", "u", "he", "she", "they", "we", "i", "there"})
_ASKED_ABOUT = _INVERTED_SUBJECTS | {"your", "his", "her", "their"}
_NOT_INVERTING = _SUBJECTS | {"to", "that", "if", "whether", "it", "there"}
# How far back a description's subject is looked for ("I would just always try to...").
_SUBJECT_REACH = 8


# The client's "I" is the listener's "you": "I can't keep going" is said back as "you can't keep going".
SAID_BACK = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "am": "are",
    "we": "you",
    "us": "you",
    "our": "your",
}
_ECHO_LENGTH = 6  # the longest run of the client's words looked for in a response


@dataclass(frozen=True, slots=True)
class ClientWords:
    """What the reader knows of the client's statement."""

    content: frozenset[str] = frozenset()  # its content words (stems)
    phrases: frozenset[tuple[str, ...]] = frozenset()  # every run of its words (stems), said back to them

    @classmethod
    def of(cls, sentences: Sequence[Sentence], content: frozenset[str]) -> ClientWords:
        runs: set[tuple[str, ...]] = set()
        for s in sentences:
            # emphasis and all, and as phrases are matched (the same words when it has no emphasis)
            for words in (s.tokens,) if s.core == s.tokens else (s.tokens, s.core):
                said_back = tuple([stem(SAID_BACK.get(w, w)) for w in words])
                n = len(said_back)
                runs.update([said_back[i:j] for i in range(n) for j in range(i + 1, min(n, i + _ECHO_LENGTH) + 1)])
        return cls(content, frozenset(runs))


@dataclass(slots=True)
class RoadblockHit:
    roadblock: str  # id in the roadblock lexicon
    said: str  # the words that fired it
    acknowledges: bool = False  # sympathy or "I understand": a roadblock only when nothing is reflected


@dataclass(slots=True)
class FeelingHit:
    said: str
    stems: tuple[str, ...]
    families: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Opener:
    """A reflective or empathic opener: where it starts and ends, and which of the two it is."""

    start: int
    end: int
    kind: str  # "reflection" ("It sounds like...") or "empathy" ("That must be...")


@dataclass(slots=True)
class Markers:
    """What the listed phrases of a sentence say it does."""

    roadblocks: list[RoadblockHit]  # said by the listener to the client
    acknowledgements: list[RoadblockHit]  # "I'm sorry", "I understand": decide only alone
    disclosures: list[str]
    informs: bool


def _names_a_thing(word: str) -> bool:
    """An article or a gerund: what "maybe" offers is something to have or to do."""
    return (
        word in _ARTICLES
        or word in ("some", "more", "less")
        or (len(word) > 5 and word.endswith("ing") and word not in _NOT_GERUNDS)
    )


class SentenceFeatures:
    """The features of one sentence. ``words`` are its core words (emphasis left out)."""

    def __init__(self, v: Vocabulary, sentence: Sentence, client: ClientWords, names: frozenset[str] = frozenset()):
        self.v = v
        self.sentence = sentence
        self.words = sentence.core
        self.client = client
        self.names = names  # the client's name: "Oh Gloria, ..." speaks to them, it says nothing yet
        self._after: dict[tuple[PhraseIndex[Any], ...], dict[int, int]] = {}

    # ------------------------------------------------------------------ positions

    def skip(self, index: PhraseIndex[Any], i: int, *more: PhraseIndex[Any]) -> int:
        """The position after any run of listed phrases from ``i``, the first list that has one
        at a position deciding (memoised per lists: linear overall)."""
        indexes = (index, *more)
        memo = self._after.get(indexes)
        if memo is None:
            memo = self._after[indexes] = {}
        path = []
        words = self.words
        n = len(words)
        while i < n and i not in memo:
            for x in indexes:
                found = x.match_at(words, i)
                if found:
                    break
            else:
                break
            path.append(i)
            i += found[0]
        end = memo.get(i, i)
        for p in path:
            memo[p] = end
        return end

    def clause_of(self, i: int) -> int:
        """Where the clause holding position ``i`` starts."""
        clauses = self.sentence.clauses
        return clauses[bisect_right(clauses, i) - 1]

    def clause_end(self, i: int) -> int:
        """Where the clause after position ``i`` starts (or the sentence ends)."""
        clauses = self.sentence.clauses
        k = bisect_right(clauses, i)
        return clauses[k] if k < len(clauses) else len(self.words)

    def clause_starts(self, after: int) -> list[int]:
        """``after``, then every clause start beyond it."""
        clauses = self.sentence.clauses
        return [after, *clauses[bisect_right(clauses, after) :]]

    # ------------------------------------------------------------------ the sentence's outline

    @once
    def _feeling_words(self) -> list[tuple[int, int, tuple[str, ...], tuple[str, ...], bool]]:
        """Feeling words found on the core words (emphasis left out: "kind of lost" is "lost"),
        as (first token, end token, stems, families, denied)."""
        s = self.sentence
        core = s.core_tokens
        stems = tuple(s.stems[t] for t in core)
        found = []
        for a, b, families in self.v.feelings.scan(stems):
            denied = not _NEGATIONS.isdisjoint(self.words[max(0, a - 2) : a])  # "not terrible"
            found.append((core[a], core[b - 1] + 1, stems[a:b], families, denied))
        return found

    @once
    def feelings(self) -> list[FeelingHit]:
        """Feeling words, unless negated just before ("not terrible")."""
        s = self.sentence
        return [
            FeelingHit(s.typed(a, b), hit, families)
            for a, b, hit, families, denied in self._feeling_words
            if not denied
        ]

    @once
    def feeling_attributed(self) -> bool:
        """A painful feeling said of an experience, anywhere in the sentence: "...going the whole
        week alone sounds so lonely", "...must have felt like a slap in the face"."""
        words, core = self.words, self.sentence.core_tokens
        first = {t: i for i, t in enumerate(core)}
        return any(
            not denied
            and not self.v.pleasant_families.issuperset(families)
            and not _ATTRIBUTING.isdisjoint(words[max(0, first[a] - 2) : first[a]])
            for a, _, _, families, denied in self._feeling_words
            if a in first
        )

    @once
    def says_the_client_feels(self) -> bool:
        """ "you" and a verb of feeling: "I'm so sorry you've been feeling like that"."""
        words = self.words
        return any(w == "you" and not _FEELING_VERBS.isdisjoint(words[i + 1 : i + 4]) for i, w in enumerate(words))

    @once
    def names_a_feeling(self) -> bool:
        """Names what the client feels, not only how hard it is ("infuriating", not "hard")."""
        return any(f.stems not in self.v.vague_feelings for f in self.feelings)

    @once
    def only_feelings(self) -> bool:
        """Nothing but feeling words (and little words): "Lonely.", "So torn."."""
        covered = {t for a, b, *_ in self._feeling_words for t in range(a, b)}
        stop = self.v.stopwords
        return bool(covered) and all(i in covered or s in stop for i, s in enumerate(self.sentence.stems))

    @once
    def painful(self) -> bool:
        """A painful feeling named, or a pleasant one denied ("Home doesn't feel safe")."""
        pleasant = self.v.pleasant_families
        return any(pleasant.issuperset(families) == denied for *_, families, denied in self._feeling_words)

    @once
    def lead(self) -> int:
        """Where the sentence starts saying something, past any fillers and the client's name
        ("Well, ...", "Oh Gloria, ...")."""
        lead = self.skip(self.v.fillers, 0)
        while lead < len(self.words) and self.words[lead] in self.names:
            lead = self.skip(self.v.fillers, lead + 1)
        return lead

    @once
    def only_a_checking_tag(self) -> bool:
        checking = self.v.checking.match_at(self.words, self.lead)
        return checking is not None and self.lead + checking[0] == len(self.words)

    @once
    def agreement_only(self) -> bool:
        """Agreement without content: "It really isn't.", "Yes it is."."""
        v, words, lead = self.v, self.words, self.lead
        return (
            not self.sentence.asks
            and len(words) - lead <= 3
            and all(stem(w) in v.stopwords for w in words[lead:])
            and not self.question_opening(lead, False)[0]
            and not v.imperatives.match_at(words, lead)
        )

    @once
    def start(self) -> int:
        """Where the sentence proper starts, past fillers, greetings and thanks ("Hi, how are you?")."""
        return self.skip(self.v.pleasantries, self.lead, self.v.fillers)

    @once
    def checks_understanding(self) -> bool:
        """Opened with a check of one's understanding: "To make sure I understand, ..."."""
        checks = self.v.understanding_checks
        return any(checks.match_at(self.words, i) for i in range(self.lead))

    @once
    def speaker(self) -> bool:
        """The listener is the subject near the start ("I think the economy..."), not quoting
        someone ("Each 'I'm fine' keeps her from worrying")."""
        s, start = self.sentence, self.start
        return any(
            w in _SELF_SUBJECTS and s.core_tokens[i] not in s.quoted
            for i, w in enumerate(self.words[start : start + 3], start)
        )

    @once
    def listener_is_subject(self) -> bool:
        """ "I"/"we" near the start past any opinion softener: "I think it might help to..."."""
        start = self.skip(self.v.softeners, self.start)
        return not _SELF_SUBJECTS.isdisjoint(self.words[start : start + 3])

    @once
    def opener(self) -> Opener | None:
        """A reflective opener at the start of the sentence or of a clause ("From what you
        say, I can tell..."). It must lead into two more words, or a feeling, so that "I
        understand." or "I hear you." stay what they are -- beyond any longer set phrase it
        begins ("I understand how you feel" says nothing of the client)."""
        v, words, lead = self.v, self.words, self.start
        starts = self.clause_starts(lead)
        if words[lead] in _GROUNDING and "i" in words[lead : lead + 8]:
            starts.append(words.index("i", lead))  # "From what you've said I can tell..."
        for clause in starts:
            start = self.skip(v.fillers, clause)
            found = v.reflective_stems.match_at(words, start)
            if found:
                phrase = v.markers.match_at(words, start)
                after = start + max(found[0], phrase[0] if phrase else 0)
                # "I feel your pain.", "You must be exhausted.": a feeling is word enough
                more = (
                    1
                    if words[after - 1] == "your"
                    or (after < len(words) and (stem(words[after]),) in v.feeling_families)
                    else 2
                )
                if after + more <= self.clause_end(start):  # "I understand, is there...?" only prefaces
                    return Opener(start, start + found[0], found[1])
        return None

    # ------------------------------------------------------------------ questions

    def question_opening(self, lead: int, marked: bool = True) -> tuple[bool, bool]:
        """(opens a question, opens an open question). Without a question mark, a question
        word opens a question only when a verb follows it ("how are you", "what happened"):
        "When my parents found out" and "how you feel" are clauses; and an auxiliary needs a
        subject that is not an article ("Have a good night" is a wish)."""
        v, words = self.v, self.words
        if lead >= len(words):
            return False, False
        found = v.open_questions.match_at(words, lead)
        if found:
            after = lead + found[0]
            if not marked and found[0] == 1 and not (after < len(words) and words[after] in v.question_verbs):
                return False, False
            if not marked and words[lead] == "what" and not _COPULAS.isdisjoint(words[lead + 3 :]):
                return False, False  # "What's worn you down most is the fear" says, it does not ask
            return True, True
        found = v.closed_questions.match_at(words, lead)
        if not found:  # "Anything else on your mind?", "Anyone you can talk to?"
            return marked and words[lead] in v.elliptic_questions, False
        after = lead + found[0]
        subject = words[after] if after < len(words) else None
        if marked:  # "Would volunteering appeal to you?", "Is yours?"
            return subject is not None, False
        if words[lead] in ("do", "have") and subject not in _ASKED_ABOUT:  # "Do something you enjoy"
            return False, False
        return subject in v.question_subjects and subject not in _ARTICLES, False

    def _inverted_question(self) -> tuple[int, bool] | None:
        """(where, open) a question starts inside a sentence by word order: a question word, an
        auxiliary and its subject ("..., how would you like it to go"; but "how you feel" is a
        clause) -- or, before a question mark, an auxiliary and its subject ("I don't get the
        question can you rephrase?"; but not a closing tag: "..., have you?")."""
        v, words, marked = self.v, self.words, self.sentence.asks
        if not marked and v.question_words.isdisjoint(words):
            return None
        for i in range(self.start + 1, len(words) - 1):
            aux_next = i + 2 < len(words) and words[i + 2] in _ASKED_ABOUT
            if words[i] in v.question_words and aux_next and v.closed_questions.match_at(words, i + 1) == (1, True):
                return i, True
            if (
                marked
                and i + 2 < len(words)
                and words[i + 1] in _INVERTED_SUBJECTS
                and words[i - 1] not in _NOT_INVERTING
                and words[i - 1] not in v.question_words
                and v.closed_questions.match_at(words, i) == (1, True)
            ):
                checking = v.checking.match_at(words, i)
                if not (checking and i + checking[0] == len(words)):  # "..., is that correct?"
                    return i, False
        return None

    @once
    def question_form(self) -> tuple[bool, bool, int]:
        """(asked by its form, an open question, where the question starts): at the start, in
        a later clause before a question mark ("I'm sorry to hear that, what happened?"), or
        by word order inside the sentence."""
        v, words, lead = self.v, self.words, self.start
        asks, open_form = self.question_opening(lead, self.sentence.asks)
        if self.opener and asks:  # "what a week" is an exclamation, "what happened" a question
            asks = open_form = False
        if self.sentence.asks and not asks:
            for clause in self.sentence.clauses[1:]:
                start = self.skip(v.fillers, clause)
                checking = v.checking.match_at(words, start)
                if checking and start + checking[0] == len(words):
                    break
                asks, open_form = self.question_opening(start)
                if asks:
                    return True, open_form, start
        if not asks and not self.opener:  # "If it were up to you how would you..."
            inverted = self._inverted_question()
            if inverted is not None:
                return True, inverted[1], inverted[0]
        return asks, open_form, lead

    @property
    def asks_by_form(self) -> bool:
        return self.question_form[0]

    @property
    def open_form(self) -> bool:
        return self.question_form[1]

    @property
    def asks(self) -> bool:
        """Asked: a question mark, or the form of a question."""
        return self.sentence.asks or self.asks_by_form

    # ------------------------------------------------------------------ roadblocks and other markers

    @once
    def markers(self) -> Markers:
        """Roadblocks the listener says, acknowledgements, disclosures and information markers.
        A phrase never spans two clauses ("who you are, right at home" says no "you are right")."""
        v = self.v
        asks_by_form, open_form, question_from = self.question_form
        open_question = question_from if open_form else None
        blocks: list[RoadblockHit] = []
        acknowledgements: list[RoadblockHit] = []
        disclosures: list[str] = []
        informs = False
        said_until = self.start  # where the last roadblock or acknowledgement ends
        for start, end, (category, detail) in self._phrases():
            if category == "humour":  # laughter humours; at the client's pain it mocks; in a question it softens
                category = "neutral" if asks_by_form else "roadblock"
                if self.painful:  # "lol she must really miss you"
                    detail = "mocking"
            if category in ("roadblock", "acknowledgement") and detail is not None:
                if open_question is not None and start > open_question and v.roadblocks[detail].kind == "advice":
                    continue  # "What did you try?", "What made you decide you need to...?" ask
                if self._listener_says(start, end, detail):
                    hit = RoadblockHit(detail, self.sentence.typed_core(start, end), category == "acknowledgement")
                    if v.roadblocks[detail].kind == "judgment" and self._echoes_client(
                        start, end, self.clause_of(start)
                    ):
                        blocks.append(RoadblockHit("confirming", hit.said))
                    (blocks if category == "roadblock" else acknowledgements).append(hit)
                    said_until = max(said_until, end)
            elif category == "disclosure":
                disclosures.append(self.sentence.typed_core(start, end))
            elif category == "information":
                informs = True
        if not any(v.roadblocks[b.roadblock].kind == "advice" for b in blocks):
            # a command in a clause of its own after them: "That's good, ask them why."
            blocks.extend(self._commands(self.start if not blocks else said_until, after=bool(blocks)))
        if blocks and self.agrees and any(v.roadblocks[b.roadblock].kind == "judgment" for b in blocks):
            blocks.insert(0, RoadblockHit("confirming", self.sentence.typed_core(0, self.lead)))
        return Markers(blocks, acknowledgements, disclosures, informs)

    def _phrases(self) -> list[tuple[int, int, tuple[str, str | None]]]:
        """The listed phrases of each clause, in order; then those matched as typed (on
        ``tokens``), placed on the core words they cover."""
        v, words, s = self.v, self.words, self.sentence
        bounds = sorted({*s.clauses, len(words)})
        found = [hit for a, b in zip(bounds, bounds[1:]) for hit in v.markers.scan(words, a, b)]
        core_tokens = s.core_tokens
        for a, b, payload in v.exact_markers.scan(s.tokens):
            start, end = bisect_left(core_tokens, a), bisect_left(core_tokens, b)
            if start < end:
                found.append((start, end, payload))
        return found

    @once
    def agrees(self) -> bool:
        """Opens by agreeing: "Yes, ...", "True, ..." -- before a judgment, it confirms the client's
        harsh view of themselves."""
        return not self.v.agreement.isdisjoint(self.words[: self.lead])

    def _listener_says(self, start: int, end: int, block: str) -> bool:
        """Whether a roadblock phrase is the listener's own word to the client, and not quoted,
        part of a greeting ("All the best to you"), of a reflective opener, the client's voice
        reflected ("You feel you should...", "It sounds like you need to rest"), a
        description of what someone does ("when you try to...") -- or an order asked back
        as a question: "So you have to ask her for money?"."""
        v, words, opener = self.v, self.words, self.opener
        directive = v.roadblocks[block].kind == "advice"
        checks = self.sentence.asks and not self.asks_by_form
        if end <= self.start or (checks and block == "ordering"):
            return False
        if self.sentence.quoted.issuperset(self.sentence.core_tokens[start:end]):
            return False  # "Her quiet 'It's fine' hit hard": someone else's words, quoted
        if opener and opener.start <= start <= opener.end:
            if end <= opener.end:
                return False
            if (
                start == opener.end
                and words[start] == "you"
                and start not in self.sentence.clauses
                and opener.kind == "reflection"
                and directive
            ):
                return False
        # "You feel you should...": the client is the one feeling; in "It sounds like you
        # should...", the voice is the listener's.
        voice_from = (
            (opener.start if words[opener.start] == "you" else opener.end)
            if opener and opener.start <= start
            else self.start
        )
        clause = self.clause_of(start)
        if not v.roadblocks[block].kind == "judgment" and self._echoes_client(start, end, clause):
            return False
        if v.client_frames.scan(words, clause, start):  # "To you it's just habit", "in your eyes..."
            return False
        if self._reads_a_mind(start, block):
            return True
        praise = block == "praising"
        return not (
            start > self.start
            and (
                self._voiced_by_client(start, max(voice_from, clause), praise)
                or self._describes_someone(start, directive, clause)
            )
        )

    def _echoes_client(self, start: int, end: int, clause: int) -> bool:
        """The client's own words said back to them, in their voice ("you" before it in the
        clause): "you can keep going" after "I can't keep going" reflects; "keep going!" alone
        encourages, whoever said it first. (A judgment said back -- "you're an idiot" after "I'm
        an idiot" -- agrees with the client's harsh view of themselves.)"""
        s = self.sentence
        said = tuple(s.stems[t] for t in s.core_tokens[start:end])
        return said in self.client.phrases and not self.v.second_person.isdisjoint(self.words[clause:start])

    def _voiced_by_client(self, start: int, lead: int, praise: bool = False) -> bool:
        """True when a roadblock phrase is someone else's words being reflected: "you feel you
        should...", "your mum told you that you should let it go" -- a verb of feeling or saying,
        a few words before in the same clause, whose subject is not the speaker ("I think you
        should..." is the speaker's advice)."""
        words = self.words
        if words[start] == "i":  # "..., you worried, I would recommend...": the speaker's own
            return False
        for j in range(start - 1, max(lead, start - 7) - 1, -1):
            if words[j] in _CONTRASTS:  # "I know how you feel, but everything will be fine"
                return False
            if words[j] == "like" and (
                j == 0 or (words[j - 1] not in _FEELING_VERBS and (stem(words[j - 1]),) not in self.v.feeling_families)
            ):
                continue  # "that sounds a bit like victim mentality" is the listener's verdict; "you feel
                # hopeful, like you can do this" is the client's hope
            if words[j] in self.v.reported_speech and (not praise or words[j] in _FEELING_VERBS | {"think", "thought"}):
                return j > 0 and words[j - 1] not in _NOT_REPORTING  # its subject may end the clause before: "you
            # feel hopeful, like you can do this"; but "you said exactly the right thing" is the listener's praise
        return False

    def _reads_a_mind(self, start: int, block: str) -> bool:
        """A diagnosis of someone the client spoke of, in the listener's voice: "He probably feels
        guilty deep down, and that's why he..." -- a feeling verb does not make it theirs."""
        return self.v.roadblocks[block].id == "interpreting" and not _THIRD_PERSON.isdisjoint(
            self.words[self.clause_of(start) : start]
        )

    def _describes_someone(self, start: int, directive: bool, clause: int) -> bool:
        """True when a phrase like "try to" has its own subject: "I try to...", "when you try
        to...", "they need to" describe what someone does; they do not tell the client to. So
        does a directive "you" phrase in a subordinate clause or after sympathy: "I'm sorry (that)
        you have to...", "when you need to talk" (but "know that you are not alone" still
        reassures), and one in a relative clause: "the steps you need to take". The subject
        is looked for in the phrase's own clause ("..., she blocked you, you should wait" advises)."""
        words = self.words
        j = start - 1
        if j >= 0 and words[j] == "to" and words[start] not in _SUBJECTS:  # "it's hard to be positive"
            return True
        if (
            directive
            and j >= 0
            and words[start] == "you"
            and words[j] in _SUBORDINATORS
            and ("i" not in words[max(0, j - 2) : j] or words[j] in _SYMPATHY)
        ):  # "I think that you need to"
            return True
        if (
            words[start] == "you"
            and words[j] not in _NOT_RELATIVE
            and j - 1 >= clause
            and not _DETERMINERS.isdisjoint(words[max(clause, j - 2) : j])
        ):
            return True  # a relative clause: "the steps you need to take", "the one place you don't have to..."
        if j >= clause and words[start] == "you" and words[j] in _PRONOUN_HEADS:
            return True  # "...isn't something you're going to do", "what you need to do"
        if j >= clause and words[j] in ("whether", "if") and not directive:
            return True  # "...asking whether it's fine"
        skips = _OWN_EFFORT_SKIPS if directive else _OWN_ACTION_SKIPS
        floor = max(clause, start - _SUBJECT_REACH)
        while j >= floor and words[j] in skips:
            j -= 1
        if j >= floor and words[j] in _SUBJECTS:
            return True
        # "...how long you can keep going": a modal in a subordinate clause says what the client can do
        while j >= floor and words[j] in _MODALS:
            j -= 1
        return j - 1 >= floor and words[j] == "you" and words[j - 1] in _SUBORDINATORS | {"long", "much"}

    def _commands(self, lead: int, after: bool = False) -> list[RoadblockHit]:
        """An imperative at the start of the sentence or of a clause: "..., so just call her"
        (``after``: only in a clause that starts at ``lead`` or later)."""
        v, words, asks = self.v, self.words, self.asks_by_form
        clauses = self.sentence.clauses
        starts = clauses[bisect_left(clauses, lead) :] if after else self.clause_starts(lead)
        for clause in starts:
            start = self.skip(v.fillers, clause)
            verb = self.skip(v.softeners, start)
            found = v.imperatives.match_at(words, verb)
            if not found or found[1] is None:
                continue
            marker = v.markers.match_at(words, verb)
            if marker and marker[0] > found[0] and marker[1][0] == "information":
                continue  # "Research shows..." informs; "Research your options" directs
            # A command only reads as one where no question opens ("Make a plan?" and "maybe
            # call her?" suggest all the same); "why" probes only in a question.
            probes = v.roadblocks[found[1]].kind == "open_question"
            next_word = words[verb + found[0]] if verb + found[0] < len(words) else ""
            if not probes and (
                next_word in _VERBS_AFTER_A_SUBJECT or (words[verb] in _ADVERBS and next_word.endswith("ing"))
            ):
                continue  # "Exercise has been shown...", "Never missing a shift...": a subject, not a command
            hedged = not HEDGES.isdisjoint(words[start:verb])
            if asks == probes or (hedged and not probes):
                return [RoadblockHit(found[1], self.sentence.typed_core(verb, verb + found[0]))]
        return []

    @once
    def roadblock_kind(self) -> str | None:
        """The kind the listener's roadblocks make, the weightiest first; in a question only
        advice, judgment and a change of subject survive ("Have you tried...?", "Did you even
        remind them?"; "I'm sorry, when did it happen?" asks)."""
        blocks = self.markers.roadblocks
        if self.asks_by_form:  # "Have you always...?" asks; "Did you even...?" blames
            blocks = [b for b in blocks if b.roadblock not in _ASKED_JUDGMENTS]
        if self.tells_own_story and self.v.second_person.isdisjoint(self.words):  # "I play volleyball and it's
            # the best part of my week": their own life (but "I have faith in you" encourages)
            blocks = [b for b in blocks if self.v.roadblocks[b.roadblock].kind in ("advice", "judgment")]
        kinds = {self.v.roadblocks[b.roadblock].kind for b in blocks}
        softly = all(
            self.v.roadblocks[b.roadblock].kind == "advice" and not _SOFT.isdisjoint(b.said.lower().split())
            for b in blocks
        )
        if kinds and self.markers.informs and softly:  # "Legally they must serve it in person, so you could
            kinds.add("information")  # challenge it" informs; "..., you should check the schedule" advises
        # a question that changes the subject withdraws: "Did you find parking okay?"
        kept = (
            ("advice", "judgment", "other")
            if self.asks_by_form
            else ("information", "advice", "judgment", "reassurance", "other")
        )
        return next((k for k in kept if k in kinds), None)

    @once
    def reflects_before_asking(self) -> bool:
        """Before the question, a clause about the client's feeling: "You're confident it's
        under control -- what would tell you if it wasn't?"."""
        asks_from = self.question_form[2]
        if asks_from <= self.start or "you" not in self.words[self.start : asks_from]:
            return False
        core, vague = self.sentence.core_tokens, self.v.vague_feelings
        return any(
            core.index(a) < asks_from
            for a, _, stems, _, denied in self._feeling_words
            if not denied and a in core and stems not in vague
        ) or bool(self.inner_states)

    @once
    def reflects_before_roadblock(self) -> bool:
        """Before the first roadblock, a clause about the client's feeling: "You miss her, and
        I'm sure she misses you too."."""
        blocks = self.markers.roadblocks
        if not blocks:
            return False
        first = min(
            self.words.index(b.said.lower().split()[0]) if b.said.lower().split()[0] in self.words else len(self.words)
            for b in blocks
        )
        core, before = self.sentence.core_tokens, self.words[self.start : first]
        return "you" in before and any(
            a in core and core.index(a) < first for a, _, _, _, denied in self._feeling_words if not denied
        )

    @property
    def probing(self) -> bool:
        """A "why" among the roadblocks."""
        return any(self.v.roadblocks[b.roadblock].kind == "open_question" for b in self.markers.roadblocks)

    # ------------------------------------------------------------------ suggestions and options

    @once
    def suggestion(self) -> RoadblockHit | None:
        """A hedged suggestion: "maybe a walk would help", "perhaps talking to her...", or
        "maybe" with something to do or have: "Maybe a lawyer?", "Perhaps journaling?". A
        "maybe" that opens a reason is no suggestion ("you kept smiling, maybe so nobody would
        see"), nor is a thing it names that starts a clause of its own ("Maybe the worst part
        isn't even Craig" reflects)."""
        v, words, lead, s = self.v, self.words, self.start, self.sentence
        helping = v.helping_actions
        if not helping.isdisjoint(s.stems):
            for a, b, _ in v.suggestion_hedges.scan(words):
                after = s.core_tokens[b - 1] + 1  # the very next word as typed: "maybe so nobody..."
                if not (words[a] in HEDGES and after < len(s.tokens) and s.tokens[after] in _SUBORDINATORS | {"so"}):
                    return RoadblockHit("advising", s.typed_core(a, b))
        if (
            words[lead] in HEDGES
            and lead + 1 < len(words)
            and _names_a_thing(words[lead + 1])
            and _VERBS_AFTER_A_SUBJECT.isdisjoint(words[lead + 2 : lead + 5])
        ):
            return RoadblockHit("advising", s.typed_core(lead, lead + 1))
        return None

    @once
    def option_offered(self) -> RoadblockHit | None:
        """A yes/no question that names something the client could do: "Do you have friends
        you could confide in?", "Is there a group you can join?", "Could you mention it to him?"."""
        words, lead = self.words, self.start
        offers = any(
            words[i] == "you" and words[i + 1] in ("could", "can") and words[i + 2 : i + 3] != ("not",)
            for i in range(len(words) - 2)
        )
        # "Could you mention it to him?" -- but "Can you tell me more?" invites the client to talk
        asks_you_to = words[lead : lead + 2] == ("could", "you") and "me" not in words
        if (offers or asks_you_to) and not self.v.helping_actions.isdisjoint(self.sentence.stems):
            return RoadblockHit(
                "advising",
                self.sentence.typed_core(lead, lead + 2)
                if asks_you_to
                else "you could"
                if "could" in words
                else "you can",
            )
        return None

    @once
    def explores(self) -> bool:
        """A question about how the client feels, wants or what it means to them."""
        return bool(self.feelings or self.inner_states or self.v.experience_questions.scan(self.words))

    @once
    def asks_for_a_fact(self) -> bool:
        """An open question word that asks for a fact ("How long...?", "When did...?"), unless
        it asks about how the client feels ("Who do you feel closest to?")."""
        found = self.v.fact_questions.match_at(self.words, self.question_form[2])
        return bool(found) and not self.explores

    @once
    def inner_states(self) -> list[str]:
        """What the client wants or holds, said of "you": "you'd rather not", "you're expecting me to..."."""
        v, words, found = self.v, self.words, []
        for i, word in enumerate(words):
            if word == "you":
                j = i + 1 + (i + 1 < len(words) and words[i + 1] in ("are", "would", "do", "have", "were"))
                j += j < len(words) and words[j] == "not"  # "you don't want to sound ungrateful"
                hit = v.inner_states.match_at(words, j)
                if hit:
                    found.append(self.sentence.typed_core(i, j + hit[0]))
        return found

    @once
    def depth(self) -> list[tuple[str, str]]:
        """Where the sentence goes beyond the client's words: (how, the words), unless the
        words are the client's own, said back."""
        s, said_back = self.sentence, self.client.phrases
        return [
            (category, s.typed(a, b))
            for a, b, category in self.v.depth.scan(s.tokens)
            if tuple(s.stems[a:b]) not in said_back
        ]  # the client's own "who I am" is not beyond their words

    # ------------------------------------------------------------------ whose story

    @once
    def tells_own_story(self) -> bool:
        """ "I" doing, having or living something in any clause: "I lost my job too", "When I
        moved..." -- the listener's own story, not their view of the client's."""
        if "i" not in self.words:
            return False
        opener = self.opener
        return any(
            self._own_story_at(c)
            for c in self.clause_starts(self.start)
            if c < len(self.words) and (not opener or c != opener.start)
        )

    def _own_story_at(self, lead: int) -> bool:
        v, words = self.v, self.words
        i = lead + (words[lead] in _WHEN)
        if i >= len(words) or words[i] != "i":
            return False
        i = self.skip(v.speaker_adverbs, i + 1)
        if i >= len(words):
            return False
        verb = words[i]
        if verb in v.speaker_stances:
            return False
        if verb == "have" and i + 1 < len(words) and words[i + 1] in v.speaker_stances:  # "I have to go"
            return False
        return verb in v.speaker_experiences or (verb.endswith("ed") and len(verb) > 4)

    @once
    def about_the_client(self) -> bool:
        """A statement of the client's world: "you" (or "your") as the subject, with a
        feeling, a want or a state ("You don't trust this...", "..., and you'd rather not
        show it"), or with what the client talked about ("Your sister thinks...")."""
        v, words, lead = self.v, self.words, self.start
        if any(
            words[i] == "you" and (i == lead or words[i - 1] in _JOINERS) and v.client_states.match_at(words, i + 1)
            for i in range(lead, len(words))
        ):
            return True
        for clause in self.clause_starts(lead):
            start = self.skip(v.fillers, clause)
            if start < len(words) and words[start] in v.second_person:
                return bool(self.feelings) or self.restates_one
        return False

    @once
    def means_something(self) -> bool:
        """Says what it means to the client ("...something that mattered to you")."""
        return any(how == "meaning" for how, _ in self.depth)

    @once
    def mentions_the_client(self) -> bool:
        """A feeling, the client's words, or "you" anywhere."""
        return bool(self.feelings) or self.restates or not self.v.second_person.isdisjoint(self.words)

    @once
    def shared_content(self) -> int:
        """How many of the client's content words the sentence takes up."""
        return len(self.client.content.intersection(self.sentence.stems))

    @property
    def restates(self) -> bool:
        return self.shared_content >= _RESTATEMENT_OVERLAP

    @property
    def restates_one(self) -> bool:
        return self.shared_content >= 1
