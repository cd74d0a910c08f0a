"""Reading a response: what each sentence does, and so what kind of response it is.

The rules are those a counselling instructor applies by ear. For each sentence, in order:
- small talk (greetings, thanks, goodbyes, wishes) and checking tags ("is that right?") do
  nothing;
- a roadblock phrase (Gordon's twelve, in ``data/roadblocks.yaml``) makes the sentence advice,
  judgment, reassurance... -- unless it is the client's voice being reflected ("you feel you
  should...", "she told you to let it go") or a description of what someone does ("when you
  try to...");
- a question opens with a question word or an auxiliary ("Did you..."), and only advice
  survives in one ("Have you tried...?"); a statement with a question mark ("So you felt let
  down?") or a check of one's understanding is a reflection offered tentatively;
- a hedge with something to do is a suggestion ("Maybe a walk would help");
- the listener's own story is self-disclosure ("I lost my job too");
- a reflection opens like one ("It sounds like...", "I hear..."), or says what the client
  feels, wants or did ("You're worried..."), or restates what they said in other words; an
  empathic remark names how hard the situation is ("That must be hard");
- sympathy and "I understand" alone are reassurance; facts and resources are information;
  anything else is "other", mostly the listener's own remarks.
Then the sentences are weighed against each other: see ``kind_of``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from trainer.scoring.vocabulary import Vocabulary, vocabulary
from trainer.text import Sentence, sentences, stem

KINDS = (
    "reflection", "open_question", "closed_question", "advice", "information",
    "reassurance", "judgment", "self_disclosure", "other",
)
ROADBLOCK_KINDS = frozenset({"advice", "information", "reassurance", "judgment", "self_disclosure", "other"})

# When sentences do different things, the response is named after the act that most shapes
# how the client will hear it: a roadblock outweighs a reflection that came before it, and a
# reflection a question; an empathic remark ("That's hard.") gives way to a question after
# it, and sympathy ("I'm sorry.") to anything but small talk.
_PRECEDENCE = (
    "information", "advice", "judgment", "self_disclosure", "reassurance", "reflection",
    "open_question", "closed_question", "empathy", "acknowledgement", "other",
)

_SELF_SUBJECTS = frozenset({"i", "my", "me", "we", "our"})
# Words after which "you" starts a clause of its own: "..., and you'd rather not show it",
# "I'm sorry you're going through this".
_JOINERS = frozenset({"and", "but", "so", "that", "because", "since", "while", "where", "as", "yet", "now",
                      "sorry", "hear", "made", "makes", "make", "left", "leaves", "leaving"})
_GROUNDING = frozenset({"from", "based", "by", "after", "hearing", "listening", "reading"})
_DEICTIC = frozenset({"that", "this", "it", "what", "how", "such", "sounds", "must"})
# A restatement shares at least this many content words with what the client said.
_RESTATEMENT_OVERLAP = 2


@dataclass(slots=True)
class RoadblockHit:
    roadblock: str  # id in the roadblock lexicon
    said: str  # the words that fired it


@dataclass(slots=True)
class FeelingHit:
    said: str
    stems: tuple[str, ...]
    families: tuple[str, ...]


@dataclass(slots=True)
class SentenceAct:
    act: str | None  # one of KINDS, or None for fillers and checking tags
    reflective: bool  # reflects the client, even if something else follows
    question_shaped: bool
    why: str = ""  # the rule that decided, for explanations and tuning
    explores: bool = False  # a question about how the client feels or what it means to them
    # Ranks lower than ``act`` among the sentences of a response: "empathy" ("That must be
    # hard.") gives way to a question that follows, "acknowledgement" ("I'm sorry.", "I
    # understand.") to anything but small talk.
    ranks_as: str | None = None
    # A statement in the listener's own frame: an opinion, a general remark, their situation.
    listeners_frame: bool = False


_NOTHING = SentenceAct(None, False, False, "filler or checking tag")
_SMALL_TALK = SentenceAct("other", False, False, "small talk")
_ACKNOWLEDGEMENT = SentenceAct("reassurance", False, False, "acknowledgement", ranks_as="acknowledgement")


@dataclass(slots=True)
class Reading:
    """Everything the checks need to know about a response, read once."""

    kind: str
    acts: tuple[SentenceAct, ...]
    roadblocks: tuple[RoadblockHit, ...]
    feelings: tuple[FeelingHit, ...]
    disclosures: tuple[str, ...]
    tokens: tuple[str, ...]
    stems: tuple[str, ...]
    first_person: int
    second_person: int

    @property
    def has_reflection(self) -> bool:
        return any(a.reflective for a in self.acts)

    @property
    def question_shaped_reflection(self) -> bool:
        return any(a.act == "reflection" and a.question_shaped for a in self.acts)


def _skip(index, words: tuple[str, ...], i: int) -> int:
    """The position after any run of ``index`` phrases starting at ``i``."""
    while i < len(words):
        found = index.match_at(words, i)
        if not found:
            break
        i += found[0]
    return i


_CONTRASTS = frozenset({"but", "however", "though", "although", "yet"})
_NOT_REPORTING = frozenset({"i", "me", "we", "to", "will", "would", "can", "could", "should", "must", "might", "may"})


def _voiced_by_client(v: Vocabulary, words: tuple[str, ...], start: int, lead: int) -> bool:
    """True when a roadblock phrase is someone else's words being reflected: "you feel you
    should...", "your mum told you that you should let it go" -- a verb of feeling or saying,
    a few words before in the same clause, whose subject is not the speaker ("I think you
    should..." is the speaker's advice)."""
    if words[start] == "i":  # "..., you worried, I would recommend...": the speaker's own
        return False
    for j in range(start - 1, max(lead, start - 7) - 1, -1):
        if words[j] in _CONTRASTS:  # "I know how you feel, but everything will be fine"
            return False
        if words[j] in v.reported_speech:  # its subject may end the clause before: "you feel
            return j > 0 and words[j - 1] not in _NOT_REPORTING  # hopeful, like you can do this"
    return False


_NEGATIONS = frozenset({"not", "never", "no"})
_ARTICLES = frozenset({"a", "an", "the"})
_HEDGES = frozenset({"maybe", "perhaps"})
_NOT_GERUNDS = frozenset({"during", "morning", "evening", "nothing", "something", "anything", "everything"})


def _names_a_thing(word: str) -> bool:
    """An article or a gerund: what "maybe" offers is something to have or to do."""
    return word in _ARTICLES or word in ("some", "more", "less") or (
        len(word) > 5 and word.endswith("ing") and word not in _NOT_GERUNDS)


_VERBS_AFTER_A_SUBJECT = frozenset({"is", "are", "was", "were", "has", "had", "can", "could", "will", "would",
                                    "may", "might", "helps", "does", "seems", "makes", "gives"})
_WHEN = frozenset({"when", "once", "after", "before", "since", "whenever"})
_OWN_ACTION_SKIPS = frozenset({"just", "also", "always", "usually", "often", "sometimes", "still", "would", "will"})
# Between a subject and a directive phrase: "I am going to try and quit", "you are struggling
# to get over it" -- someone's own plans and efforts, not an order.
_OWN_EFFORT_SKIPS = _OWN_ACTION_SKIPS | {"to", "go", "going", "want", "wanted", "am", "is", "are", "was", "were",
                                         "been", "have", "had", "trying", "struggling", "able", "unable"}
_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "people"})


_DETERMINERS = frozenset({"the", "a", "an", "any", "some", "every", "those", "these"})
# Nouns of time and manner that start a main clause: "In the end you have to...".
_NOT_RELATIVE = frozenset({"end", "meantime", "meanwhile", "way", "moment", "time", "future", "long"})
_SYMPATHY = frozenset({"sorry", "glad"})
_SUBORDINATORS = _SYMPATHY | frozenset({"that", "when", "whenever", "if", "because", "since", "as", "while",
                            "how", "what", "where", "until", "unless", "though", "although", "whether", "once",
                            "after", "before"})


def _describes_someone(words: tuple[str, ...], start: int, directive: bool, clause: int = 0) -> bool:
    """True when a phrase like "try to" has its own subject: "I try to...", "when you try
    to...", "they need to" describe what someone does; they do not tell the client to. So
    does a directive "you" phrase in a subordinate clause or after sympathy: "I'm sorry (that)
    you have to...", "when you need to talk" (but "know that you are not alone" still
    reassures), and one in a relative clause: "the steps you need to take". The subject
    is looked for in the phrase's own clause ("..., she blocked you, you should wait" advises)."""
    j = start - 1
    if j >= 0 and words[j] == "to" and words[start] not in _SUBJECTS:  # "it's hard to be positive"
        return True
    if (directive and j >= 0 and words[start] == "you" and words[j] in _SUBORDINATORS
            and ("i" not in words[max(0, j - 2):j] or words[j] in _SYMPATHY)):  # "I think that you need to" advises
        return True
    if (directive and j - 1 >= clause and words[start] == "you" and words[j - 1] in _DETERMINERS
            and words[j] not in _NOT_RELATIVE):
        return True
    skips = _OWN_EFFORT_SKIPS if directive else _OWN_ACTION_SKIPS
    while j >= clause and words[j] in skips:
        j -= 1
    return j >= clause and words[j] in _SUBJECTS


def _question_opening(v: Vocabulary, words: tuple[str, ...], lead: int, marked: bool = True) -> tuple[bool, bool]:
    """(opens a question, opens an open question). Without a question mark, a question
    word opens a question only when a verb follows it ("how are you", "what happened"):
    "When my parents found out" and "how you feel" are clauses; and an auxiliary needs a
    subject that is not an article ("Have a good night" is a wish)."""
    if lead >= len(words):
        return False, False
    found = v.open_questions.match_at(words, lead)
    if found:
        after = lead + found[0]
        if not marked and found[0] == 1 and not (after < len(words) and words[after] in v.question_verbs):
            return False, False
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


_INVERTED_SUBJECTS = frozenset({"you", "u", "he", "she", "they", "we", "i", "there"})
_ASKED_ABOUT = _INVERTED_SUBJECTS | {"your", "his", "her", "their"}
_NOT_INVERTING = _SUBJECTS | {"to", "that", "if", "whether", "it", "there"}


def _inverted_question(v: Vocabulary, words: tuple[str, ...], lead: int, marked: bool) -> tuple[int, bool] | None:
    """(where, open) a question starts inside a sentence by word order: a question word, an
    auxiliary and its subject ("..., how would you like it to go"; but "how you feel" is a
    clause) -- or, before a question mark, an auxiliary and its subject ("I don't get the
    question can you rephrase?"; but not a closing tag: "..., have you?")."""
    if not marked and v.question_words.isdisjoint(words):
        return None
    for i in range(lead + 1, len(words) - 1):
        aux_next = i + 2 < len(words) and words[i + 2] in _ASKED_ABOUT
        if words[i] in v.question_words and aux_next and v.closed_questions.match_at(words, i + 1) == (1, True):
            return i, True
        if (marked and i + 2 < len(words) and words[i + 1] in _INVERTED_SUBJECTS and words[i - 1] not in _NOT_INVERTING
                and words[i - 1] not in v.question_words and v.closed_questions.match_at(words, i) == (1, True)):
            checking = v.checking.match_at(words, i)
            if not (checking and i + checking[0] == len(words)):  # "..., is that correct?"
                return i, False
    return None


class _SentenceReader:
    """Reads one sentence; collects roadblocks and disclosures for the whole response."""

    def __init__(self, v: Vocabulary, client_content: frozenset[str]):
        self.v = v
        self.client_content = client_content
        self.roadblocks: list[RoadblockHit] = []
        self.disclosures: list[str] = []
        self.feelings: list[FeelingHit] = []

    def read(self, s: Sentence) -> SentenceAct:
        v, words = self.v, s.core
        feelings = [FeelingHit(" ".join(s.tokens[a:b]), s.stems[a:b], fams)
                    for a, b, fams in v.feelings.scan(s.stems)
                    if _NEGATIONS.isdisjoint(s.tokens[max(0, a - 2):a])]  # "not terrible"
        self.feelings.extend(feelings)
        lead = _skip(v.fillers, words, 0)
        if lead >= len(words):
            return _NOTHING
        checking = v.checking.match_at(words, lead)
        if checking and lead + checking[0] == len(words):
            return _NOTHING
        if (not s.asks and len(words) - lead <= 3 and all(stem(w) in v.stopwords for w in words[lead:])
                and not _question_opening(v, words, lead, False)[0] and not v.imperatives.match_at(words, lead)):
            return _NOTHING  # agreement without content: "It really isn't.", "Yes it is."
        after_greeting = self._after_small_talk(words, lead)
        if after_greeting >= len(words):
            return _SMALL_TALK
        checks_understanding = any(v.understanding_checks.match_at(words, i) for i in range(lead))
        lead = after_greeting

        opener = self._opener(s, lead)
        asks_by_form, open_form = _question_opening(v, words, lead, s.asks)
        if opener and asks_by_form:  # "what a week" is an exclamation, "what happened" a question
            asks_by_form = open_form = False
        question_from = lead
        if s.asks and not asks_by_form:  # "I'm sorry to hear that, what happened?"
            for clause in s.clauses[1:]:
                start = _skip(v.fillers, words, clause)
                checking = v.checking.match_at(words, start)
                if checking and start + checking[0] == len(words):
                    break
                asks_by_form, open_form = _question_opening(v, words, start)
                if asks_by_form:
                    question_from = start
                    break
        if not asks_by_form and not opener:  # "If it were up to you how would you..."
            inverted = _inverted_question(v, words, lead, s.asks)
            if inverted is not None:
                asks_by_form = True
                question_from, open_form = inverted
        asks = s.asks or asks_by_form
        blocks, acknowledged, disclosed, informs = self._markers(s, lead, opener, asks_by_form,
                                                                 s.asks and not asks_by_form,
                                                                 question_from if open_form else None)
        painful = any(not v.pleasant_families.issuperset(f.families) for f in feelings)
        speaker = any(w in _SELF_SUBJECTS for w in words[lead:lead + 3])
        about_client = bool(feelings) or self._restates(s) or any(w in v.second_person for w in words)

        # In a question, only advice survives as the sentence's act ("Have you tried...?");
        # "I'm sorry, when did it happen?" is a question.
        kept = ("advice",) if asks_by_form else ("advice", "judgment", "reassurance", "information", "other")
        kinds = {v.roadblocks[b.roadblock].kind for b in blocks}
        kind = next((k for k in _PRECEDENCE if k in kinds and k in kept), None)
        if kind:
            return SentenceAct(kind, bool(opener), asks, "roadblock")
        if asks:
            if opener and opener[2] == "reflection" and opener[0] < question_from:  # as two sentences
                return SentenceAct("reflection", True, True, "reflection, then a question")
            probing = any(v.roadblocks[b.roadblock].kind == "open_question" for b in blocks)
            if not asks_by_form and not probing and words[lead] in _HEDGES and self._suggests(s, lead):
                return SentenceAct("advice", False, True, "hedged suggestion")
            if not asks_by_form and not probing and (about_client or "so" in s.tokens[:2]):
                return SentenceAct("reflection", True, True, "declarative question")
            if asks_by_form and not open_form and self._offers_an_option(s):
                return SentenceAct("advice", False, True, "an option offered as a question")
            if checks_understanding and not open_form and not probing:
                return SentenceAct("reflection", True, True, "understanding checked")
            explores = bool(feelings or v.experience_questions.scan(words))
            return SentenceAct("open_question" if open_form or probing else "closed_question", False, True,
                               "question", explores)
        if not opener and not painful and not self._listener_is_subject(words, lead) and self._suggests(s, lead):
            return SentenceAct("advice", False, False, "hedged suggestion")
        if disclosed:
            return SentenceAct("self_disclosure", False, False, "disclosure marker")
        if "i" in words and any(self._tells_own_story(words, c)
                                for c in (lead, *(c for c in s.clauses if lead < c < len(words)))
                                if not opener or c != opener[0]):  # "I hear you, I lost mine too"
            return SentenceAct("self_disclosure", False, False, "speaker's own experience")
        if opener and opener[2] == "empathy":
            return SentenceAct("reflection", True, False, "empathic opener", ranks_as="empathy")
        if opener or checks_understanding:
            return SentenceAct("reflection", True, False, "reflective opener")
        if self._about_the_client(s, lead, bool(feelings)):
            if acknowledged:  # "I'm sorry you're going through this": sympathy that names it
                return SentenceAct("reflection", True, False, "sympathy for the client's state",
                                   ranks_as="empathy")
            return SentenceAct("reflection", True, False, "statement about the client")
        if painful and words[lead] in _DEICTIC:
            return SentenceAct("reflection", True, False, "empathic statement", ranks_as="empathy")
        if informs:
            return SentenceAct("information", False, False, "information marker")
        if not speaker and self._restates(s):
            return SentenceAct("reflection", True, False, "restatement")
        if acknowledged:
            return _ACKNOWLEDGEMENT
        if speaker:
            return SentenceAct("other", False, False, "speaker subject", listeners_frame=True)
        if not v.second_person.isdisjoint(words) and (painful or self._restates(s, 1)):
            return SentenceAct("reflection", True, False, "about the client's world")
        if "so" in s.tokens[:2]:  # "So money is going to be tight."
            return SentenceAct("reflection", True, False, "summary")
        return SentenceAct("other", False, False, "default", listeners_frame=True)

    def _opener(self, s: Sentence, lead: int) -> tuple[int, int, str] | None:
        """A reflective opener at the start of the sentence or of a clause ("From what you
        say, I can tell..."), as (start, end, "reflection" or "empathy"). It must lead into
        two more words, or a feeling, so that "I understand." or "I hear you." stay what they
        are -- beyond any longer set phrase it begins ("I understand how you feel" says
        nothing of the client)."""
        v, words = self.v, s.core
        starts = [lead, *(c for c in s.clauses if c > lead)]
        if words[lead] in _GROUNDING and "i" in words[lead:lead + 8]:
            starts.append(words.index("i", lead))  # "From what you've said I can tell..."
        for clause in starts:
            start = _skip(v.fillers, words, clause)
            found = v.reflective_stems.match_at(words, start)
            if found:
                phrase = v.markers.match_at(words, start)
                said = max(found[0], phrase[0] if phrase else 0)
                # "I feel your pain.", "You must be exhausted.": a feeling is word enough
                after = start + said
                more = 1 if words[after - 1] == "your" or (
                    after < len(words) and (stem(words[after]),) in v.feeling_families) else 2
                clause_end = min((c for c in s.clauses if c > start), default=len(words))
                if start + said + more <= clause_end:  # "I understand, is there...?" only prefaces
                    return start, start + found[0], found[1]
        return None

    def _after_small_talk(self, words: tuple[str, ...], lead: int) -> int:
        """Greetings, thanks and goodbyes at the start are passed over: "Hi, how are you?"."""
        v, i = self.v, lead
        while i < len(words):
            found = v.pleasantries.match_at(words, i) or v.fillers.match_at(words, i)
            if not found:
                break
            i += found[0]
        return i

    def _markers(self, s: Sentence, lead: int, opener, asks: bool, checks: bool,
                 open_question: int | None = None) -> tuple[list[RoadblockHit], bool, bool, bool]:
        """(roadblocks, acknowledged, disclosed, informs): what the phrases in the sentence say
        it does. Acknowledgements are kept with the roadblocks found, not among the returned
        ones: they decide the sentence only when nothing else does."""
        v, words = self.v, s.core
        blocks: list[RoadblockHit] = []
        acknowledgements: list[RoadblockHit] = []
        disclosed = informs = False
        said_until = lead  # where the last roadblock or acknowledgement ends
        for start, end, (category, detail) in v.markers.scan(words):
            if category in ("roadblock", "acknowledgement"):
                if open_question is not None and start > open_question and v.roadblocks[detail].kind == "advice":
                    continue  # "What did you try?", "What made you decide you need to...?" ask
                if self._listener_says(s, start, end, lead, opener, detail, checks):
                    hit = RoadblockHit(detail, " ".join(words[start:end]))
                    (blocks if category == "roadblock" else acknowledgements).append(hit)
                    said_until = max(said_until, end)
            elif category == "disclosure":
                disclosed = True
                self.disclosures.append(" ".join(words[start:end]))
            elif category == "information":
                informs = True
        if not any(v.roadblocks[b.roadblock].kind == "advice" for b in blocks):
            # a command in a clause of its own after them: "That's good, ask them why."
            blocks.extend(self._commands(s, lead if not blocks else said_until, asks, after=bool(blocks)))
        self.roadblocks.extend(blocks + acknowledgements)
        return blocks, bool(acknowledgements), disclosed, informs

    def _listener_says(self, s: Sentence, start: int, end: int, lead: int, opener, block: str,
                       checks: bool) -> bool:
        """Whether a roadblock phrase is the listener's own word to the client, and not part
        of a greeting ("All the best to you"), of a reflective opener, the client's voice
        reflected ("You feel you should...", "It sounds like you need to rest"), a
        description of what someone does ("when you try to...") -- or an order asked back
        as a question (``checks``): "So you have to ask her for money?"."""
        v, words = self.v, s.core
        directive = v.roadblocks[block].kind == "advice"
        if end <= lead or (checks and block == "ordering"):
            return False
        if opener and opener[0] <= start <= opener[1]:
            if end <= opener[1]:
                return False
            if (start == opener[1] and words[start] == "you" and start not in s.clauses
                    and opener[2] == "reflection" and directive):
                return False
        # "You feel you should...": the client is the one feeling; in "It sounds like you
        # should...", the voice is the listener's.
        voice_from = (opener[0] if words[opener[0]] == "you" else opener[1]) if opener else lead
        clause = max(c for c in s.clauses if c <= start)
        return not (start > lead and (_voiced_by_client(v, words, start, max(voice_from, clause))
                                      or _describes_someone(words, start, directive, clause)))

    def _commands(self, s: Sentence, lead: int, asks: bool, after: bool = False) -> list[RoadblockHit]:
        """An imperative at the start of the sentence or of a clause: "..., so just call her"
        (``after``: only in a clause that starts at ``lead`` or later)."""
        v, words = self.v, s.core
        starts = [c for c in s.clauses if c >= lead] if after else [lead, *(c for c in s.clauses if c > lead)]
        for clause in starts:
            start = _skip(v.fillers, words, clause)
            verb = _skip(v.softeners, words, start)
            found = v.imperatives.match_at(words, verb)
            if not found or found[1] is None:
                continue
            marker = v.markers.match_at(words, verb)
            if marker and marker[0] > found[0] and marker[1][0] == "information":
                continue  # "Research shows..." informs; "Research your options" directs
            # A command only reads as one where no question opens ("Make a plan?" and "maybe
            # call her?" suggest all the same); "why" probes only in a question.
            probes = v.roadblocks[found[1]].kind == "open_question"
            if not probes and verb + found[0] < len(words) and words[verb + found[0]] in _VERBS_AFTER_A_SUBJECT:
                continue  # "Exercise has been shown...", "Sleep is important": a noun, not a command
            hedged = not _HEDGES.isdisjoint(words[start:verb])
            if asks == probes or (hedged and not probes):
                return [RoadblockHit(found[1], " ".join(words[verb:verb + found[0]]))]
        return []

    def _tells_own_story(self, words: tuple[str, ...], lead: int) -> bool:
        """"I" doing, having or living something: "I lost my job too", "I have two boys",
        "When I moved..." -- the listener's own story, not their view of the client's."""
        v, i = self.v, lead + (words[lead] in _WHEN)
        if i >= len(words) or words[i] != "i":
            return False
        i = _skip(v.speaker_adverbs, words, i + 1)
        if i >= len(words):
            return False
        verb = words[i]
        if verb in v.speaker_stances:
            return False
        if verb == "have" and i + 1 < len(words) and words[i + 1] in v.speaker_stances:  # "I have to go"
            return False
        return verb in v.speaker_experiences or (verb.endswith("ed") and len(verb) > 4)

    def _listener_is_subject(self, words: tuple[str, ...], lead: int) -> bool:
        """"I"/"we" near the start, past any opinion softener: "I think it might help to..." is
        a suggestion all the same; "I found walking helps" is the listener's own story."""
        start = _skip(self.v.softeners, words, lead)
        return not _SELF_SUBJECTS.isdisjoint(words[start:start + 3])

    def _suggests(self, s: Sentence, lead: int) -> bool:
        """A hedged suggestion: "maybe a walk would help", "perhaps talking to her...", or
        "maybe" with something to do or have: "Maybe a lawyer?", "Perhaps journaling?"."""
        words = s.core
        hedges = self.v.suggestion_hedges.scan(words)
        if hedges and not self.v.helping_actions.isdisjoint(s.stems):
            said = " ".join(words[hedges[0][0]:hedges[0][1]])
        elif words[lead] in _HEDGES and lead + 1 < len(words) and _names_a_thing(words[lead + 1]):
            said = words[lead]
        else:
            return False
        self.roadblocks.append(RoadblockHit("advising", said))
        return True

    def _offers_an_option(self, s: Sentence) -> bool:
        """A yes/no question that names something the client could do: "Do you have friends
        you could confide in?", "Is there a group you can join?"."""
        words = s.core
        offers = any(words[i] == "you" and words[i + 1] in ("could", "can") and words[i + 2:i + 3] != ("not",)
                     for i in range(len(words) - 2))
        if offers and not self.v.helping_actions.isdisjoint(s.stems):
            self.roadblocks.append(RoadblockHit("advising", "you could" if "could" in words else "you can"))
            return True
        return False

    def _about_the_client(self, s: Sentence, lead: int, names_feeling: bool) -> bool:
        """A statement of the client's world: "you" (or "your") as the subject, with a
        feeling, a want or a state ("You don't trust this...", "..., and you'd rather not
        show it"), or with what the client talked about ("Your sister thinks...")."""
        v, words = self.v, s.core
        if any(words[i] == "you" and (i == lead or words[i - 1] in _JOINERS) and v.client_states.match_at(words, i + 1)
               for i in range(lead, len(words))):
            return True
        for clause in (lead, *(c for c in s.clauses if c > lead)):
            start = _skip(v.fillers, words, clause)
            if start < len(words) and words[start] in v.second_person:
                return names_feeling or self._restates(s, 1)
        return False

    def _restates(self, s: Sentence, overlap: int = _RESTATEMENT_OVERLAP) -> bool:
        """Shares at least ``overlap`` content words with what the client said."""
        return len(self.client_content.intersection(s.stems)) >= overlap


def _rank(act: SentenceAct) -> int:
    return _PRECEDENCE.index(act.ranks_as or act.act)


def kind_of(acts: list[SentenceAct]) -> str:
    """The act that ranks first; but a reflection only carries a response that says no more
    in the listener's own frame than it reflects -- otherwise the focus has moved to them."""
    named = [a for a in acts if a.act]
    if not named:
        return "other"
    kind = min(named, key=_rank).act
    if kind == "reflection":
        own = sum(a.listeners_frame for a in named)
        if own and own >= sum(a.reflective and a.act == "reflection" for a in named):
            return "other"
    return kind


def read(text: str, client_content: frozenset[str] = frozenset()) -> Reading:
    """Read a response once; every check works from this.

    ``client_content`` holds the content stems of the client's statement, so that a
    restatement of it in other words is recognised as a reflection.
    """
    v = vocabulary()
    parts = sentences(text)
    reader = _SentenceReader(v, client_content)
    acts = [reader.read(s) for s in parts]
    tokens = tuple(chain.from_iterable(s.tokens for s in parts))
    return Reading(
        kind=kind_of(acts),
        acts=tuple(acts),
        roadblocks=tuple(reader.roadblocks),
        feelings=tuple(reader.feelings),
        disclosures=tuple(reader.disclosures),
        tokens=tokens,
        stems=tuple(chain.from_iterable(s.stems for s in parts)),
        first_person=sum(map(v.first_person.__contains__, tokens)),
        second_person=sum(map(v.second_person.__contains__, tokens)),
    )
