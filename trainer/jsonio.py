"""JSON from outside read strictly, and JSON written so that any reader can take it.

Python's ``json`` reads more than the standard allows -- ``NaN``, ``Infinity``, numbers too
large for a float, integers of thousands of digits, lone surrogates such as ``"\\ud800"`` --
and then writes some of it back as something that is not JSON (``NaN``) or cannot be encoded
at all (a lone surrogate is no character). Batch lines and students' exports come from
outside, so they are read here: whatever could not be written back, or would take the
reader's whole stack, is refused with a message that says what it is.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, NoReturn

MAX_DIGITS = 100  # an integer longer than this is no id, turn or score anyone means

# A lone surrogate can only arrive through a \uD800-\uDFFF escape: strict UTF-8 has none.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonProblem(ValueError):
    """Why a text is not JSON that can be used; ``line`` when the parser could name one."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


def _refuse_constant(name: str) -> NoReturn:
    raise JsonProblem(f"{name} is not a JSON number")


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise JsonProblem(
            f"a number {len(digits.lstrip('-')):,} digits long; numbers here have at most {MAX_DIGITS} digits"
        )
    return int(digits)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonProblem(f"the number {text[:20]} is too large to be read")
    return value


# How a text looks to ``is_plain``, so that each of its checks is one search in C: every ASCII
# digit a 0, both exponent marks \x01, both signs +, whatever may end a number a comma, and the
# first letters of NaN and Infinity and the backslash of an escape \x02.
_SHAPE = bytes.maketrans(b"123456789eE-}] \n\r\tNI\\", b"000000000\x01\x01+,,,,,,\x02\x02\x02")
_LONG_NUMBER = b"0" * (MAX_DIGITS + 1)
_EXPONENT = re.compile(rb"0\x01\+?0+,")  # a number written with an exponent
# NaN, Infinity, or an escape of a surrogate (D800-DFFF: its third digit is 8-9 or a-f, shaped).
_NAN_INFINITY_OR_SURROGATE = re.compile(rb"\x02(?:a\x02|nfinity|u[dD][0abcdf\x01ABCDF])")


def is_plain(text: str | bytes) -> bool:
    """Whether ``text`` (or its UTF-8) has nothing that ``parse`` refuses or reads its own way --
    NaN or Infinity, a run of more than ``MAX_DIGITS`` digits, a number with an exponent (it may
    not fit a float), a surrogate escape -- so that any standard JSON parser reads it as ``parse``
    does. Looked for in strings too: a false alarm only takes the slower way."""
    shape = _utf8(text).translate(_SHAPE)
    return not (_LONG_NUMBER in shape or _EXPONENT.search(shape) or _NAN_INFINITY_OR_SURROGATE.search(shape))


def _utf8(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")


def parse(text: str) -> object:
    """The value of ``text``; raises ``JsonProblem`` for anything that is not plain, standard JSON."""
    # Each integer is checked only when one may be too long: a check per integer doubles the
    # time an export takes to read.
    integers = _integer if _LONG_NUMBER in _utf8(text).translate(_SHAPE) else None
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_float, parse_int=integers)
    except json.JSONDecodeError as err:
        raise JsonProblem(f"not valid JSON ({err.msg}, column {err.colno})", err.lineno) from None
    except RecursionError:
        raise JsonProblem("nested too deeply to be read (arrays or objects inside each other)") from None
    if _SURROGATE_ESCAPE.search(text) and has_lone_surrogate(value):
        raise JsonProblem("a text holds a lone surrogate (such as \\ud800), which is not a character")
    return value


def has_lone_surrogate(value: object) -> bool:
    """Whether a text anywhere in ``value`` holds a lone surrogate: no character, so no encoding
    can write it (it also comes from command-line arguments that are not UTF-8)."""
    waiting = [value]
    while waiting:
        item = waiting.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            waiting.extend(item)
            waiting.extend(item.values())
        elif isinstance(item, list):
            waiting.extend(item)
    return False


def depth(value: object) -> int:
    """How many arrays and objects are inside each other (0 for a number or a text), counted
    without recursion. What is read is only as deep as the parser's stack allowed; a value
    echoed back is checked with this first, since writing it takes stack too."""
    deepest = 0
    waiting = [(value, 1)]
    while waiting:
        item, level = waiting.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is not None:
            deepest = max(deepest, level)
            waiting.extend((child, level + 1) for child in children)
    return deepest


# Of ``CONTROLS``, what ``json.dumps`` writes as it is: it escapes every C0 control in a string
# itself (and lays out with spaces and line feeds), which leaves DEL and the C1 controls.
_CONTROLS_LEFT_BY_JSON = re.compile("[\x7f-\x9f]")


def dumps(value: object, **options: Any) -> str:
    """Standard JSON (no NaN or Infinity), non-ASCII text kept as it is -- but every control
    character escaped (``\\u001b``), so that printing it on a terminal runs nothing."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, **options)
    return _CONTROLS_LEFT_BY_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
