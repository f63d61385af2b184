"""The one error type for bad data, and the problems it carries."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or odd) in a data file, located like a compiler message.

    ``line`` is the CSV line number (the header is line 1); ``None`` when the
    problem is with the whole file. ``column`` is ``None`` when it concerns a
    whole row or file.
    """

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


class DataError(Exception):
    """Raised when a dataset is not valid; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(self.report())

    def report(self, limit: int | None = None) -> str:
        """The problems, one per line (the first ``limit`` of them, if given), then a count."""
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [str(problem) for problem in shown]
        if len(shown) < len(self.problems):
            lines.append(f"… and {len(self.problems) - len(shown):,} more: "
                         "`python -m geo validate` lists every one.")
        noun = "problem" if len(self.problems) == 1 else "problems"
        lines.append(f"{len(self.problems):,} {noun} found.")
        return "\n".join(lines)


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.column or "", problem.message)


def relative_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder, or a link that loops
        return str(path)
