"""The commented scenario template written by ``trainer new``.

It is a complete, valid scenario that teaches the format by example: every key appears once,
with a comment saying what it is for, and the model answers show the three styles of a good
reflection. Its first line points an editor at the JSON Schema for completion and checking.
"""

from __future__ import annotations

import json
import re
import unicodedata

import yaml
from pydantic import TypeAdapter, ValidationError

from trainer.scenario_format import ScenarioId

_ID = TypeAdapter(ScenarioId)

TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# A scenario for the active-listening trainer (format version 1). Everything below is a
# worked example that already validates: replace it with your own client, keeping the keys.
# Keys marked (required) must be there; the others may be left out.
#
#   trainer validate FILE     checks the file as you go (file, line and what is wrong)
#   trainer calibrate FILE    checks that the scoring agrees with your examples
#
# How to write client statements and model answers: docs/authoring.md

# (required) Unique across all loaded files: lowercase letters, digits and hyphens.
id: {scenario_id}
# (required) Shown in the library.
title: {title}
# One or two sentences for the preview, before the trainee starts.
summary: A social-work student on her first placement wonders whether she belongs there.
# beginner | intermediate | advanced
difficulty: beginner
# The skills this scenario practises, shown in the library.
skills: [reflect-feeling, reflect-content]
# Shown before the first statement, so a trainee can choose to skip. [] when none,
# e.g. [self-harm, domestic violence].
content_warnings: []
# Where the client's trust starts, from 1 to 5: 1 closed, 2 guarded, 3 wary (the default),
# 4 opening up, 5 open. A reflection that lands raises it by one; advice, reassurance,
# judgment, a "why" question or talking about yourself lower it by one.
openness: 3

# Who the client is. The name is used in the feedback ("You kept the focus on Jordan").
persona:
  name: Jordan
  age: 22
  background: Final-year BSSW student, four weeks into her first placement at a family agency.

# (required) The client's statements, in the order the trainee meets them.
turns:
  # (required) What the client says, the way people talk: hesitant, understated, mixed.
  # ">-" lets a long statement wrap over several lines of the file.
  - client: >-
      I don't know. Everyone else at placement seems to know what they're doing, and I
      just... sit there. Maybe I'm not cut out for this.
    # Said instead of 'client' when openness is low (2 or lower): the same statement,
    # shorter, holding the feeling back.
    guarded: Placement's fine, I guess. I mostly just sit there.
    # A non-verbal cue shown with the statement.
    cue: looks down at her hands, voice trailing off
    # The feelings a good reflection would name. A word of the same family counts too
    # ("lonely" for "alone"), so list the plain words a trainee is likely to use.
    feelings: [discouraged, inadequate, anxious]
    # The facts a reflection may capture, a few words each.
    content: [placement, others seem confident, not cut out for this]
    # (required) Good reflections: tentative, in the client's frame, feeling plus content,
    # no advice. Write several, in different styles; each is a target the scorer accepts.
    model_answers:
      # Naming the feeling.
      - It sounds like you're feeling discouraged.
      # Feeling plus content.
      - You feel out of your depth when everyone else at placement seems so sure of themselves.
      # A complex reflection: adds meaning, or the unsaid side of the ambivalence.
      - Part of you wonders if you belong here, and part of you cares a lot about getting this right.
    # A nudge the trainee can ask for.
    hint: What is it like to sit in a room where everyone else seems to know the script?
    # Calibration: responses a trainee might type and the band you expect (strong, good,
    # developing, not_yet). 'trainer calibrate' reports where the scoring disagrees.
    # One strong, one partial and one roadblock per statement is a good start.
    examples:
      - response: It sounds like you feel discouraged, like everyone else at placement knows what they're doing except you.
        expect: strong
      - response: You feel unsure.
        expect: developing
      - response: Don't be so hard on yourself, everyone feels like that at first.
        expect: not_yet
    # What the client says back, in their own voice, keyed by how the response landed:
    # reflected (a good or strong reflection), partly (a weaker one), questioned (a
    # question), blocked (advice, information, reassurance or judgment), self_focus (the
    # listener talked about themselves), other. A line, or {{say: LINE, cue: BODY LANGUAGE}}.
    # A roadblock id (advising, reassuring, probing...) answers that roadblock in particular.
    # One or two short sentences; the client never explains what the trainee did wrong.
    reactions:
      reflected: {{say: "Yeah. Like I'm the only one who didn't get the manual.", cue: looks up for a moment}}
      partly: Kind of. It's more that... I don't know.
      questioned: {{say: "I don't know. Nothing specific, I guess.", cue: shrugs}}
      blocked: {{say: "Yeah, maybe.", cue: folds her arms}}
      self_focus: Oh. Right.
      reassuring: {{say: "Everyone keeps telling me that.", cue: half a smile}}
    # Said right after this statement, only when openness is high (4 or higher) after the
    # response: something the client tells only someone who listened. A full statement,
    # with its own model answers, examples and reactions (but no guarded or deeper of its own).
    deeper:
      client: >-
        Honestly? My mum spent years fighting with social workers when I was a kid. I
        wanted to be the one who actually gets it right.
      cue: voice drops
      feelings: [pressured, afraid, determined]
      content: [her mum and social workers, wanting to get it right]
      model_answers:
        - It matters so much because you know what it's like from the other side.
        - You want to be the social worker your family needed, and that makes falling short feel frightening.
        - It sounds like you carry your mum's story into this work, and that puts a lot of pressure on you.
      hint: Why does getting it right matter so much to her?
      examples:
        - response: >-
            It sounds like you feel pressured to get it right because you saw what your mum
            went through with social workers.
          expect: strong
        - response: You want to get it right.
          expect: developing
        - response: You'll be a great social worker, don't worry.
          expect: not_yet
      reactions:
        reflected: {{say: "Yeah. I just don't want to be another person who let her down.", cue: nods slowly}}
        partly: Sort of. It's complicated.
        questioned: I'd rather not get into all of it.
        blocked: {{say: "Okay. Forget I said anything.", cue: looks away}}

  # The format needs only client and model_answers; give every statement feelings,
  # content, a hint, three model answers and examples across the bands, as above.
  - client: >-
      My supervisor says I'm doing fine. But she has to say that, right?
    cue: half a laugh
    feelings: [unsure, insecure]
    content: [supervisor says she is doing fine, doubts the praise]
    model_answers:
      - It sounds like you feel unsure of yourself.
      - It's hard to believe her when inside you still feel unsure of yourself.
      - You'd like to feel reassured, but part of you doubts she means it.
    hint: It sounds like a question. Is it one?
    examples:
      - response: It sounds like it's hard to trust her praise when inside you still feel unsure of yourself.
        expect: strong
      - response: You don't believe her.
        expect: developing
      - response: Why would she lie to you?
        expect: not_yet
"""


def is_valid_id(text: str) -> bool:
    try:
        _ID.validate_python(text)
    except ValidationError:
        return False
    return True


def suggest_id(text: str) -> str:
    """A valid id close to ``text``: 'Grief at Work!' -> 'grief-at-work'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].rstrip("-") or "my-scenario"


def default_title(scenario_id: str) -> str:
    """'grief-at-work' -> 'Grief at work'."""
    return scenario_id.replace("-", " ").capitalize()


def _yaml_text(text: str) -> str:
    """``text`` as a YAML scalar: plain when it reads back unchanged, else double-quoted."""
    try:
        if yaml.safe_load(f"key: {text}") == {"key": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def scenario_template(scenario_id: str, title: str, schema: str) -> str:
    """The template for a new scenario; ``schema`` is where its modeline points."""
    return TEMPLATE.format(scenario_id=scenario_id, title=_yaml_text(title), schema=schema)
