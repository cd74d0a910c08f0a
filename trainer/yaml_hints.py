"""What an instructor most likely did when YAML refuses a scenario file, and how to fix it.

PyYAML names the parser's state ("mapping values are not allowed in this context"), not the
slip that led there: a colon inside text that is not in quotes, a tab, a quote left open, a
line that does not line up. ``explain`` keeps the parser's words (they are what a search
finds) and adds the likely slip in plain English, with the line to look at. The tokens read
before the error tell the cases apart: where the text in trouble began, and whether a quoted
text or a bracket had just closed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import yaml

# A scenario key: a lowercase word (`client`, `model_answers`), not the start of a sentence.
_KEY = re.compile(r"[a-z_]+")
# Indentation, any list dashes, then (maybe) a key and its colon: "  - client: ".
_LINE_START = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?:(?P<key>[^\s:#'\"][^:#]*?):(?: |$))?")
_PREVIEW = 30


def _line_start(line: str) -> re.Match[str]:
    """How ``line`` starts: its indent, list dashes and key (each may be empty, so it always matches)."""
    start = _LINE_START.match(line)
    assert start is not None
    return start


@dataclass(frozen=True)
class Explained:
    line: int | None  # 1-based: where to look, which is not always where the parser stopped
    message: str


def explain(text: str, err: yaml.MarkedYAMLError, loader_class: type) -> Explained:
    """The parser's message, then the likely slip and its fix when it can be told."""
    at, opened = err.problem_mark, err.context_mark
    raw = err.problem or err.context or "invalid YAML"
    source = _Source(text, loader_class)
    line, hint = _hint(source, err, at, opened)
    if line is None and (mark := at or opened) is not None:
        line = mark.line + 1
    message = f"this is not valid YAML: {raw}"
    return Explained(line, f"{message} -- {hint}" if hint else message)


def _hint(
    source: _Source, err: yaml.MarkedYAMLError, at: yaml.Mark | None, opened: yaml.Mark | None
) -> tuple[int | None, str | None]:
    problem, context = err.problem or "", err.context or ""
    if at is None:
        return None, None
    if "mapping values are not allowed" in problem:
        return _colon(source, at)
    if "sequence entries are not allowed" in problem:
        return None, (
            "a list item ('- ') goes on a line of its own, under its key and indented further; "
            "or write the list on one line in brackets: [first, second]"
        )
    if "tab" in problem or source.char(at) == "\t":
        return None, (
            "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces "
            "(most editors can be set to type spaces for the tab key)"
        )
    if "quoted scalar" in context and "end of stream" in problem and opened is not None:
        quote = source.char(opened)
        return opened.line + 1, (
            f"the text that opens with {quote} on line {opened.line + 1} is never closed; end it with another {quote}"
        )
    if "quoted scalar" in context and "escape" in problem:
        fix = source.requoted_line(at.line)
        return None, (
            "inside double quotes a backslash starts an escape such as \\n; for a plain backslash "
            f"write it twice (\\\\) or use single quotes{f': {fix}' if fix else ''}"
        )
    if "block mapping" in context or "block collection" in context or "document start" in problem:
        return _out_of_line(source, at, among_keys="block mapping" in context)
    if "flow" in context:
        return _unclosed_bracket(source, at)
    if "simple key" in context and opened is not None:
        return opened.line + 1, (
            f"line {opened.line + 1} ({source.preview(opened.line)}) has no colon: "
            "write a key as 'key: value', with a colon and a space"
        )
    if ("anchor" in context or "alias" in context) and opened is not None:
        return None, _cannot_start(source, opened)
    if "cannot start any token" in problem or "alias" in problem or "mapping keys are not allowed" in problem:
        return None, _cannot_start(source, at)
    if "block scalar" in context:
        return None, "after | or > the text goes on the next lines, indented; nothing but a comment may follow them"
    return None, None


def _colon(source: _Source, at: yaml.Mark) -> tuple[int | None, str]:
    """A colon and a space make a key, so text holding one is taken for a key where none may be."""
    text_token = source.last_token_before(at, yaml.ScalarToken)
    began = text_token.start_mark.line if text_token else at.line
    if began == at.line:
        fix = source.quoted_line(at.line)
        example = f": {fix}" if fix else ", over all its lines"
        return None, (
            "a colon followed by a space inside text that is not in quotes reads as a new key; "
            f"wrap the whole text in quotes{example}"
        )
    key = source.key_on(began)
    what = f"line {at.line + 1} ({source.preview(at.line)})"
    if key is not None:
        name, column = key
        return None, (
            f"{what} is read as more of the text of '{name}' on line {began + 1}, because it is "
            f"indented further; if it starts a key, start it in column {column + 1} like '{name}'; "
            "if the colon is part of the text, wrap the whole text in quotes"
        )
    return None, (
        f"lines {began + 1} to {at.line + 1} read as one text ({source.preview(began)} ...): if line "
        f"{began + 1} is meant to be 'key: value', put a space after its colon; if the colon on "
        f"line {at.line + 1} is part of the text, wrap the whole text in quotes"
    )


def _out_of_line(source: _Source, at: yaml.Mark, among_keys: bool) -> tuple[int | None, str]:
    """Something where the parser expected the next key or list item: text left after a closing
    quote or bracket, a quote closed lines later than meant, or a line that lines up with nothing."""
    closed = source.last_token_before(at)
    if isinstance(closed, yaml.ScalarToken) and closed.style in ("'", '"') and closed.end_mark.line == at.line:
        quote = closed.style
        if closed.start_mark.line < at.line:
            return closed.start_mark.line + 1, (
                f"the text that opens with {quote} on line {closed.start_mark.line + 1} runs on to the {quote} "
                f"on line {at.line + 1}: is the closing {quote} missing on line {closed.start_mark.line + 1}?"
            )
        return None, (
            "text goes on after its closing quote; a quoted text must end at its quote. Wrap the "
            f"whole text in quotes of the other kind: {source.requoted_line(at.line) or '...'}"
        )
    if isinstance(closed, yaml.ScalarToken) and closed.style in ("|", ">"):
        first = next(source.content_lines(range(closed.start_mark.line + 1, at.line)), None)
        if first is not None and source.indent(at.line) < source.indent(first):
            return None, (
                f"line {at.line + 1} is indented less than the text above it, which starts in column "
                f"{source.indent(first) + 1} on line {first + 1}: every line of a text after | or > "
                "starts at least in the column of its first line"
            )
    if isinstance(closed, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and closed.end_mark.line == at.line:
        return None, (
            "text goes on after the closing bracket; to write text that starts with [ or {, wrap it in quotes"
        )
    if among_keys and source.char(at) == "-":
        return None, (
            "a list item ('- ') where the next key should be: a list goes under its key, indented further than the key"
        )
    return None, _misaligned(source, at.line)


def _misaligned(source: _Source, number: int) -> str:
    column = source.indent(number)
    anchors = source.anchors_above(number)[:2]
    above = ", ".join(f"'{name}' (line {line + 1}) in column {col + 1}" for line, col, name in anchors)
    where = f": {above.replace(') in', ') starts in', 1)}" if above else ""
    return (
        f"line {number + 1} starts in column {column + 1}, which lines up with nothing above it{where}. "
        "Keys, or list items, that belong together start in the same column, and what belongs under "
        "a key is indented further (with spaces)"
    )


def _unclosed_bracket(source: _Source, at: yaml.Mark) -> tuple[int | None, str | None]:
    bracket = source.open_bracket_before(at)
    if bracket is None:
        return None, None
    line = bracket.start_mark.line + 1
    opening = source.char(bracket.start_mark)
    return line, (
        f"the {opening} on line {line} is not closed where YAML expected: close it with "
        f"{']' if opening == '[' else '}'}, separate the entries with commas, and put any entry that "
        "holds a comma, a bracket or ': ' in quotes"
    )


def _cannot_start(source: _Source, at: yaml.Mark) -> str:
    char = source.char(at)
    fix = source.quoted_line(at.line)
    example = f": {fix}" if fix else ""
    return f"text that starts with {char or 'this character'} must be in quotes{example}"


class _Source:
    """The file's lines, and its tokens up to a point, for the hints to look at."""

    def __init__(self, text: str, loader_class: type):
        self.text = text
        self.lines = text.splitlines()
        self.loader_class = loader_class

    def line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def char(self, mark: yaml.Mark) -> str:
        line = self.line(mark.line)
        return line[mark.column] if mark.column < len(line) else ""

    def indent(self, number: int) -> int:
        line = self.line(number)
        return len(line) - len(line.lstrip(" "))

    def preview(self, number: int) -> str:
        text = self.line(number).strip()
        return repr(text if len(text) <= _PREVIEW else text[: _PREVIEW - 3] + "...")

    def content_lines(self, numbers: Iterable[int]) -> Iterator[int]:
        """The numbers of the lines that hold more than blanks or a comment."""
        return (n for n in numbers if self.line(n).strip() and not self.line(n).lstrip().startswith("#"))

    def tokens_before(self, mark: yaml.Mark) -> list[yaml.Token]:
        """The tokens that start before ``mark`` (the file read afresh: this runs only on errors)."""
        loader = self.loader_class(self.text)
        tokens = []
        try:
            while loader.check_token():
                token = loader.get_token()
                if token.start_mark.index >= mark.index:
                    break
                tokens.append(token)
        except yaml.YAMLError:
            pass
        finally:
            loader.dispose()
        return tokens

    def last_token_before(self, mark: yaml.Mark, kind: type = yaml.Token) -> yaml.Token | None:
        """The last token of ``kind`` before ``mark``, block and stream ends aside."""
        ends = (yaml.BlockEndToken, yaml.StreamEndToken)
        return next(
            (t for t in reversed(self.tokens_before(mark)) if isinstance(t, kind) and not isinstance(t, ends)), None
        )

    def open_bracket_before(self, mark: yaml.Mark) -> yaml.Token | None:
        """The innermost [ or { still open at ``mark``."""
        opened: list[yaml.Token] = []
        for token in self.tokens_before(mark):
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                opened.append(token)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and opened:
                opened.pop()
        return opened[-1] if opened else None

    def key_on(self, number: int) -> tuple[str, int] | None:
        """The key that line ``number`` gives a value to, and its column."""
        start = _line_start(self.line(number))
        if not start["key"]:
            return None
        return start["key"], len(start["indent"]) + len(start["dashes"])

    def anchors_above(self, number: int) -> list[tuple[int, int, str]]:
        """The keys and list dashes above line ``number`` that a line could line up with, nearest
        first, each further left than the one before: (line, column, what starts there)."""
        found: list[tuple[int, int, str]] = []
        leftmost = None
        for above in self.content_lines(range(number - 1, -1, -1)):
            start = _line_start(self.line(above))
            marks = []
            if start["key"]:
                marks.append((len(start["indent"]) + len(start["dashes"]), start["key"]))
            if start["dashes"]:
                marks.append((len(start["indent"]), "-"))
            for column, name in marks:
                if leftmost is None or column < leftmost:
                    found.append((above, column, name))
                    leftmost = column
            if leftmost == 0:
                break
        return found

    def _value(self, number: int) -> tuple[str, str, str] | None:
        """Line ``number`` as (what comes before the text, the text, a trailing comment), when the
        text is on this line alone -- a quoted fix can then be shown whole."""
        line = self.line(number)
        start = _line_start(line)
        indent, dashes = len(start["indent"]), start["dashes"]
        if start["key"] and _KEY.fullmatch(start["key"]):
            prefix, block = start.group(), indent + len(dashes)
        else:  # "- It sounds like: ..." is a list item of text, not a key
            prefix, block = start["indent"] + dashes, indent + max(dashes.rstrip().rfind("-"), 0)
        value, _, comment = line[len(prefix) :].partition(" #")
        following = next(self.content_lines(range(number + 1, len(self.lines))), None)
        if not value.strip() or (following is not None and self.indent(following) > block):
            return None
        return prefix, value.strip(), f" #{comment}" if comment else ""

    def quoted_line(self, number: int) -> str | None:
        """Line ``number`` with its text in quotes, as it could be written."""
        parts = self._value(number)
        if parts is None:
            return None
        prefix, value, comment = parts
        return f"{prefix.strip()} {quote(value)}{comment}".strip()

    def requoted_line(self, number: int) -> str | None:
        """Line ``number`` with a text that starts and ends in one kind of quote (``'I'm fine'``)
        put in the other kind; or, when more follows the closing quote, the whole of it in quotes."""
        parts = self._value(number)
        if parts is None:
            return None
        prefix, value, comment = parts
        inner = value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value
        return f"{prefix.strip()} {quote(inner)}{comment}".strip()


def quote(text: str) -> str:
    """``text`` as a YAML quoted text: double quotes unless it holds one (or a backslash, which
    starts an escape there); single quotes otherwise, an apostrophe inside written twice."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"
