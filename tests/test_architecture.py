"""The import contracts of docs/architecture.md, read from the source, and the page itself.

Every ``import`` of every module counts -- at the top, inside functions, under
``TYPE_CHECKING`` -- since each is a dependency someone will have to follow. Imports made
from a string at run time (``importlib.import_module``) are not seen. The checker is tested
on small made-up sources first, so that each contract is known to fail when broken.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "trainer"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

CORE = (
    "trainer",  # the package's own __init__: the version
    "trainer.scoring",
    "trainer.rubric",
    "trainer.wording",
    "trainer.model",
    "trainer.loader",
    "trainer.yaml_reading",
    "trainer.scenario_data",
    "trainer.scenario_format",
    "trainer.scenario_check",
    "trainer.scenario_cache",
    "trainer.yaml_hints",
    "trainer.conversation",
    "trainer.terminal",
    "trainer.folders",
    "trainer.jsonio",
    "trainer.paths",
    "trainer.spreadsheet",
    "trainer.schema",
    "trainer.template",
    "trainer.search",
    "trainer.calibration",
    "trainer.batch",
)
Parts = Mapping[str, tuple[tuple[str, ...], frozenset[str]]]
OnlyBy = Mapping[str, tuple[str, tuple[str, ...]]]

# part -> (the modules and packages it holds, the other parts it may import)
PARTS: Parts = {
    "core": (CORE, frozenset()),
    "run": (("trainer.session", "trainer.summary"), frozenset({"core"})),
    "progress": (("trainer.progress",), frozenset({"core"})),
    "grading": (("trainer.grading",), frozenset({"core", "progress"})),
    "ui": (("trainer.ui",), frozenset({"core", "run", "progress"})),
    "opening": (("trainer.opening",), frozenset({"core", "progress", "ui"})),
    "cli": (("trainer.cli",), frozenset({"core", "progress", "grading", "opening"})),
    "launch": (("trainer.launch", "trainer.__main__"), frozenset({"opening", "cli"})),
}
# What only one package may import, but for the exceptions named: the libraries of the two
# shells, and the scorer's modules (others go through its face, trainer.scoring, and the lexicons).
ONLY_BY: OnlyBy = {
    "textual": ("trainer.ui", ()),
    "rich": ("trainer.ui", ()),
    "click": ("trainer.cli", ()),
    "trainer.scoring.<module>": ("trainer.scoring", ("trainer.scoring.lexicons",)),
}


# ---------------------------------------------------------------------------- the checker


def module_name(path: Path, root: Path = PACKAGE.parent) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by its dotted name."""
    return {module_name(path, package.parent): path for path in sorted(package.rglob("*.py"))}


def imported_names(source: str, module: str, is_package: bool, modules: Iterable[str]) -> set[str]:
    """Every module ``module`` imports, as dotted names, wherever the import stands.
    ``from a import b`` is ``a.b`` when that is one of ``modules``, else ``a``."""
    known = set(modules)
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                anchor = here[: len(here) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    modules = source_modules(package)
    return {
        name: imported_names(path.read_text(encoding="utf-8"), name, path.name == "__init__.py", modules)
        for name, path in modules.items()
    }


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def part_of(module: str, parts: Parts = PARTS) -> str | None:
    """The part that holds ``module``. The package ``trainer`` stands for its __init__ alone, so
    that every other module of the top folder has to be given a part by name."""
    for part, (members, _) in parts.items():
        if any(module == member or (member != "trainer" and within(module, member)) for member in members):
            return part
    return None


def matches(imported: str, pattern: str) -> bool:
    """``textual`` matches textual and its modules; ``trainer.scoring.<module>`` only the modules."""
    inside = pattern.removesuffix(".<module>")
    return imported.startswith(inside + ".") if inside != pattern else within(imported, pattern)


def violations(graph: Mapping[str, Iterable[str]], parts: Parts = PARTS, only_by: OnlyBy = ONLY_BY) -> list[str]:
    """Each import that breaks a contract, as 'importer imports imported (why not)'."""
    found: list[str] = []
    for module, imports in sorted(graph.items()):
        part = part_of(module, parts)
        if part is None:
            found.append(f"{module} belongs to no part")
            continue
        for imported in sorted(imports):
            other = part_of(imported, parts) if within(imported, "trainer") else part
            if other not in {part, *parts[part][1]}:
                found.append(f"{module} imports {imported} (the {part} part may not import the {other} part)")
            for pattern, (owner, exceptions) in only_by.items():
                if matches(imported, pattern) and imported not in exceptions and not within(module, owner):
                    found.append(f"{module} imports {imported} (only {owner} may)")
    return found


# ---------------------------------------------------------------------------- the checker fails when it should

MADE_UP_MODULES = {
    "trainer",
    "trainer.model",
    "trainer.session",
    "trainer.ui",
    "trainer.ui.app",
    "trainer.cli",
    "trainer.progress",
    "trainer.progress.store",
    "trainer.grading",
    "trainer.scoring",
    "trainer.scoring.engine",
    "trainer.scoring.lexicons",
    "trainer.opening",
    "trainer.launch",
}


def broken(module: str, source: str, is_package: bool = False) -> list[str]:
    return violations({module: imported_names(source, module, is_package, MADE_UP_MODULES)})


LAYER = "part may not import"


@pytest.mark.parametrize(
    "module, source, why",
    [
        ("trainer.model", "def later():\n    from trainer.session import Try\n", LAYER),
        (
            "trainer.model",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from trainer.ui.app import App\n",
            LAYER,
        ),
        ("trainer.model", "from trainer import session\n", LAYER),
        ("trainer.model", "import trainer.cli\n", LAYER),
        ("trainer.model", "from .progress.store import ProgressStore\n", LAYER),
        ("trainer.scoring.engine", "from ..grading import grade\n", LAYER),
        ("trainer.loader", "from trainer.progress import store\n", LAYER),
        ("trainer.progress.store", "from trainer.session import Try\n", LAYER),
        ("trainer.ui.app", "from trainer.cli import cli\n", LAYER),
        ("trainer.cli", "from trainer.launch import main\n", LAYER),
        ("trainer.cli", "from trainer.ui.app import make_app\n", LAYER),
        ("trainer.opening", "from trainer.cli import cli\n", LAYER),
        ("trainer.session", "def later():\n    import textual.app\n", "only trainer.ui may"),
        ("trainer.opening", "from textual.app import App\n", "only trainer.ui may"),
        ("trainer.model", "from rich.text import Text\n", "only trainer.ui may"),
        ("trainer.launch", "import click\n", "only trainer.cli may"),
        ("trainer.ui.app", "from click import echo\n", "only trainer.cli may"),
        ("trainer.progress.store", "from trainer.scoring.engine import score\n", "only trainer.scoring may"),
        ("trainer.grading", "from trainer.scoring import engine\n", "only trainer.scoring may"),
        ("trainer.model", "import trainer.scoring.engine\n", "only trainer.scoring may"),
    ],
)
def test_a_broken_contract_is_caught(module: str, source: str, why: str) -> None:
    assert any(why in found for found in broken(module, source)), broken(module, source)


@pytest.mark.parametrize(
    "module, source, is_package",
    [
        ("trainer.ui.app", "from textual.app import App\nfrom trainer.session import Try\n", False),
        ("trainer.cli", "import click\nfrom trainer.opening import run_app\n", True),
        ("trainer.progress.store", "from trainer.scoring import Feedback, lexicons\n", False),
        ("trainer.scoring", "from trainer.scoring.engine import score\nfrom . import lexicons\n", True),
        ("trainer.scoring.engine", "from .lexicons import feelings\nfrom trainer.rubric import CHECK\n", False),
        ("trainer.launch", "def main():\n    from trainer.cli import cli\n", False),
    ],
)
def test_an_allowed_import_passes(module: str, source: str, is_package: bool) -> None:
    assert broken(module, source, is_package) == []


def test_relative_imports_are_read_from_where_they_stand() -> None:
    modules = {"trainer.progress", "trainer.progress.store", "trainer.progress.rows", "trainer.scoring"}
    in_a_module = imported_names(
        "from . import rows\nfrom ..scoring import Check\n", "trainer.progress.store", False, modules
    )
    in_a_package = imported_names("from .store import open_store\n", "trainer.progress", True, modules)
    assert in_a_module == {"trainer.progress.rows", "trainer.scoring"}
    assert in_a_package == {"trainer.progress.store"}


# ---------------------------------------------------------------------------- the code keeps them

GRAPH = import_graph()


def test_the_source_is_read() -> None:
    assert {"trainer.model", "trainer.scoring.engine", "trainer.ui.app", "trainer.cli"} <= set(GRAPH)
    assert "trainer.scoring.lexicons" in GRAPH["trainer.model"]
    assert "textual.app" in GRAPH["trainer.ui.app"]
    assert "trainer.ui.app" in GRAPH["trainer.opening"]  # imported inside run_app
    assert "trainer.progress.schedule" in GRAPH["trainer.opening"]  # under TYPE_CHECKING


def test_every_module_belongs_to_a_part() -> None:
    lost = [module for module in GRAPH if part_of(module) is None]
    assert lost == [], f"give these a part in PARTS and in docs/architecture.md: {lost}"


def test_every_import_keeps_the_contracts() -> None:
    broken_here = violations(GRAPH)
    assert not broken_here, "\n".join(["imports that break docs/architecture.md:", *broken_here])


def test_the_parts_are_layers_without_a_loop() -> None:
    order: list[str] = []
    waiting = {part: set(allowed) for part, (_, allowed) in PARTS.items()}
    while waiting:
        ready = sorted(part for part, needs in waiting.items() if needs <= set(order))
        assert ready, f"these parts may import each other in a loop: {sorted(waiting)}"
        order += ready
        for part in ready:
            del waiting[part]


# ---------------------------------------------------------------------------- the page says the same


def section(markdown: str, heading: str) -> str:
    """The text under ``## heading`` up to the next heading of that level."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, flags=re.M | re.S)
    assert match, f"docs/architecture.md has no section '## {heading}'"
    return match.group(1)


def table_rows(markdown: str) -> Iterator[list[str]]:
    """The cells of every body row of the Markdown tables in ``markdown``."""
    for line in markdown.splitlines():
        if line.startswith("|") and not re.match(r"^\|[-| ]+\|$", line):
            yield [cell.strip() for cell in line.strip().strip("|").split("|")]


def code_spans(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


def documented_tables(markdown: str) -> list[list[list[str]]]:
    """Each table of the section, as its body rows (the header row left out)."""
    tables: list[list[list[str]]] = []
    current: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(list(table_rows("\n".join(current)))[1:])
            current = []
    return tables


PAGE = ARCHITECTURE.read_text(encoding="utf-8")
[PARTS_TABLE, ONLY_BY_TABLE] = documented_tables(section(PAGE, "Packages and what each may import"))


def test_the_page_lists_the_parts_and_what_each_may_import() -> None:
    documented = {
        part: (tuple(code_spans(holds)), frozenset() if may.strip() == "-" else frozenset(re.split(r",\s*", may)))
        for part, _for, holds, may in PARTS_TABLE
    }
    assert documented == PARTS


def test_the_page_lists_what_only_one_package_may_import() -> None:
    documented = {
        code_spans(what)[0]: (code_spans(only)[0], tuple(code_spans(what)[1:])) for what, only in ONLY_BY_TABLE
    }
    assert documented == ONLY_BY


def test_the_page_says_what_every_module_is_for() -> None:
    """Each module by its file, each package by its folder (its __init__ is described there)."""
    files = {
        f"{path.relative_to(ROOT).parent}/" if path.name == "__init__.py" else str(path.relative_to(ROOT))
        for path in source_modules().values()
    } - {"trainer/"}
    listed = [spans[0] for row in table_rows(section(PAGE, "Modules")) if (spans := code_spans(row[0]))]
    assert sorted(set(listed) - files) == [], "the page lists modules that do not exist"
    assert sorted(files - set(listed)) == [], "add a line for each of these to docs/architecture.md, 'Modules'"
    assert len(listed) == len(set(listed)), "a module is listed twice"
