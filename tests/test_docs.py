"""The documentation stays true: its example scenario loads and scores as it says; every
command is documented and every documented command exists; every option the docs mention
exists (on the command it is shown with), and every option is documented."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from trainer.cli import cli
from trainer.loader import load_file
from trainer.rubric import BAND_IDS
from trainer.scoring import score

DOCS = Path(__file__).resolve().parent.parent / "docs"
README = DOCS.parent / "README.md"


def yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown, flags=re.S)


def test_the_worked_example_validates_and_its_examples_agree(tmp_path):
    [example] = [b for b in yaml_blocks((DOCS / "authoring.md").read_text()) if "\nturns:" in b]
    path = tmp_path / "missed-appointments.yaml"
    path.write_text(example, encoding="utf-8")
    loaded = load_file(path)
    assert loaded.problems == ()
    scenario = loaded.scenario
    assert scenario.converses and scenario.turns[1].deeper is not None
    for turn in [*scenario.turns, *(t.deeper for t in scenario.turns if t.deeper)]:
        for ex in turn.examples:
            got = score(turn, ex.response, scenario.client_name).band
            assert abs(BAND_IDS.index(got) - BAND_IDS.index(ex.expect.value)) <= 1, (ex, got)


# ---------------------------------------------------------------------------- commands and options

Command = tuple[str, ...]  # ("score",); a subcommand of a group: ("group", "sub")


ROOT_CONTEXT = click.Context(cli, info_name="trainer", **cli.context_settings)


def commands(ctx: click.Context = ROOT_CONTEXT, path: Command = ()) -> dict[Command, click.Command]:
    """Every command of the context's group, subcommands of subgroups included, by its path."""
    group = ctx.command
    assert isinstance(group, click.Group)
    found: dict[Command, click.Command] = {}
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        found[(*path, name)] = command
        if isinstance(command, click.Group):
            found.update(commands(click.Context(command, info_name=name, parent=ctx), (*path, name)))
    return found


def options(command: click.Command) -> set[str]:
    """Its options as they are typed (``--output``, ``-o``), with the help options every command
    inherits from ``trainer`` (``--help``, ``-h``)."""
    typed = {name for p in command.params if isinstance(p, click.Option) for name in (*p.opts, *p.secondary_opts)}
    return typed | set(cli.get_help_option_names(ROOT_CONTEXT))


COMMANDS = commands()
GLOBAL = options(cli)  # --scenarios, --no-save, --version, --help: before any command
GLOBAL_PARAMS = [p for p in cli.get_params(ROOT_CONTEXT) if isinstance(p, click.Option)]
EVERY_OPTION = GLOBAL.union(*map(options, COMMANDS.values()))
DOCUMENTS = [README, *sorted(DOCS.glob("*.md"))]

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", flags=re.M | re.S)
SPAN = re.compile(r"(`+)(?!`)((?:(?!\n\s*\n).)+?)(?<!`)\1(?!`)", flags=re.S)  # not across a blank line
TRAINER = re.compile(r"(?<![\w/.-])trainer(?=\s)")  # the command, not trainer/data or active-listening-trainer
OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")


def snippets(markdown: str) -> tuple[list[str], str]:
    """The code of a page -- each line of its code blocks (a line ending in a backslash joined
    to the next), each code span -- and its prose without them."""
    lines = [line for block in FENCE.findall(markdown) for line in block.replace("\\\n", " ").splitlines()]
    rest = FENCE.sub("", markdown)
    return lines + [span for _, span in SPAN.findall(rest)], SPAN.sub("", rest)


def invocations(snippet: str) -> Iterator[tuple[Command, str]]:
    """Each ``trainer ...`` the snippet shows: the command it names (``()`` for none, only
    global options) and what follows it."""
    for shown in TRAINER.split(snippet)[1:]:
        words = shown.split()
        while words and words[0] in GLOBAL:
            takes_value = not next(p for p in GLOBAL_PARAMS if words[0] in p.opts).is_flag
            words = words[1 + takes_value :]
        path: Command = ()
        while words and re.fullmatch(r"[a-z][\w-]*", words[0]) and isinstance(command_at(path), click.Group):
            path, words = (*path, words[0]), words[1:]
        yield path, " ".join(words)


def command_at(path: Command) -> click.Command | None:
    return COMMANDS.get(path) if path else cli


def runs_another_program(snippet: str) -> bool:
    """``hx --health yaml``, ``python3 benchmarks/grade.py --students 2000``: not our options."""
    first = snippet.split()[0] if snippet.split() else ""
    return not TRAINER.search(snippet) and not first.startswith("-") and (first,) not in COMMANDS


def problems(markdown: str) -> list[str]:
    """What a page shows that the command line does not have."""
    code, prose = snippets(markdown)
    found = [f"{option}: no command has it" for option in OPTION.findall(prose) if option not in EVERY_OPTION]
    for snippet in code:
        if runs_another_program(snippet):
            continue
        found += [
            f"{option}: no command has it ({snippet})"
            for option in OPTION.findall(TRAINER.split(snippet)[0])
            if option not in EVERY_OPTION
        ]
        for path, rest in invocations(snippet):
            command = command_at(path)
            if command is None:
                found.append(f"trainer {' '.join(path)}: no such command ({snippet})")
                continue
            found += [
                f"{option}: not an option of trainer {' '.join(path)} ({snippet})"
                for option in OPTION.findall(rest)
                if option not in options(command)
            ]
    return found


def documented_commands(markdown: str) -> set[Command]:
    return {path for snippet in snippets(markdown)[0] for path, _ in invocations(snippet) if path}


ALL_DOCS = "\n".join(page.read_text(encoding="utf-8") for page in DOCUMENTS)


@pytest.mark.parametrize("page", DOCUMENTS, ids=lambda page: page.name)
def test_every_command_and_option_the_docs_show_exists(page: Path) -> None:
    found = problems(page.read_text(encoding="utf-8"))
    assert not found, "\n".join([f"{page.name} shows what the command line does not have:", *found])


def test_every_command_is_documented() -> None:
    assert set(COMMANDS) - documented_commands(ALL_DOCS) == set()


def test_every_long_option_is_documented() -> None:
    mentioned = set(OPTION.findall(ALL_DOCS))
    missing = {
        f"trainer {' '.join(path)} {option}".replace("  ", " ")
        for path, command in [((), cli), *COMMANDS.items()]
        for option in options(command) - mentioned
        if option.startswith("--")
    }
    assert missing == set()


# ---------------------------------------------------------------------------- the checks can fail


@pytest.mark.parametrize(
    "markdown, problem",
    [
        ("Run `trainer nosuch` to see.", "trainer nosuch: no such command"),
        ("```sh\ntrainer --scenarios course nosuch --json\n```", "trainer nosuch: no such command"),
        ("`trainer list --count 3`", "--count: not an option of trainer list"),
        ("`trainer schema --no-save`", "--no-save: not an option of trainer schema"),
        ("```sh\ntrainer score --client x \\\n  --colour red y\n```", "--colour: not an option of trainer score"),
        ("`trainer list` and then `--frobnicate`", "--frobnicate: no command has it"),
        ("Add --frobnicate in prose, too.", "--frobnicate: no command has it"),
        ("`` `trainer` `` then `trainer practise ID`", "trainer practise: no such command"),
    ],
)
def test_a_command_or_option_that_does_not_exist_is_found(markdown: str, problem: str) -> None:
    assert any(found.startswith(problem) for found in problems(markdown)), problems(markdown)


@pytest.mark.parametrize(
    "markdown",
    [
        "`trainer --scenarios DIR list --json` and `trainer list --scenarios DIR` and `trainer --no-save ...`",
        "```sh\nTRAINER_HOME=~/x trainer grade exports/ -o g.csv   # as: trainer --scenarios d grade\n```",
        "`hx --health yaml`, and `python3 benchmarks/grade.py --students 9`",
        "the trainer keeps a copy at `trainer/data/scenario.schema.json`; `--min-agreement X`",
    ],
)
def test_what_exists_passes(markdown: str) -> None:
    assert problems(markdown) == []


def test_documented_commands_are_read_from_the_code() -> None:
    assert documented_commands("`trainer list`, ```sh\ntrainer --no-save drill --plan\n```") == {("list",), ("drill",)}


def test_the_subcommands_of_a_group_are_walked() -> None:
    @click.group()
    def top() -> None:
        """A made-up command line."""

    @top.group()
    def store() -> None:
        """A group within it."""

    @store.command()
    def migrate() -> None:
        """A subcommand."""

    assert set(commands(click.Context(top))) == {("store",), ("store", "migrate")}
