"""How long the command line takes to answer: ``geo --help`` and ``geo validate`` against bare Python.

Each command runs in a fresh interpreter, as a person at a terminal runs it, alternating with its
reference (``python -c pass`` for ``--help``; ``import pandas, pandera.pandas`` for ``validate``,
the libraries validation cannot do without), so both see the same load on the machine.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

from benchmarks.measure import ROOT

BARE, HELP = "python -c pass", "python -m geo --help"
LIBRARIES, VALIDATE = 'python -c "import pandas, pandera.pandas"', "python -m geo validate"

COMMANDS: dict[str, list[str]] = {
    BARE: ["-c", "pass"],
    HELP: ["-m", "geo", "--help"],
    LIBRARIES: ["-c", "import pandas, pandera.pandas"],
    VALIDATE: ["-m", "geo", "validate"],
}
"""What is timed, by how the table names it; ``validate`` checks the bundled ``data/``."""

HELP_MARGIN_S = 0.2
"""``--help`` may take this much longer than starting Python (issue 24)."""

VALIDATE_RATIO = 1.5
"""``validate`` may take this many times importing pandas and pandera (issue 24)."""


@dataclass
class CommandTimes:
    """Wall-clock seconds of each command in :data:`COMMANDS`, one per round, and the CPU seconds it used."""

    seconds: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    """User and system CPU seconds: less swayed than wall time by other work on a shared machine."""

    def median(self, name: str) -> float:
        return statistics.median(self.seconds[name])

    @property
    def help_margin_s(self) -> float:
        """How much longer ``--help`` takes than ``python -c pass`` (medians)."""
        return self.median(HELP) - self.median(BARE)

    @property
    def validate_ratio(self) -> float:
        """``validate`` over importing pandas and pandera (medians)."""
        return self.median(VALIDATE) / self.median(LIBRARIES)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``python ARGS`` run in the repository root, from spawn to exit (it must succeed)."""
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True,  # noqa: S603 - our own interpreter
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started, _children_cpu() - cpu


def time_commands(rounds: int = 5) -> CommandTimes:
    """Each command once to warm the disk cache, then ``rounds`` rounds of all of them in turn."""
    for args in COMMANDS.values():
        run_once(args)
    times = CommandTimes({name: [] for name in COMMANDS}, {name: [] for name in COMMANDS})
    for _ in range(rounds):
        for name, args in COMMANDS.items():
            wall, cpu = run_once(args)
            times.seconds[name].append(wall)
            times.cpu[name].append(cpu)
    return times


def lines(times: CommandTimes) -> list[str]:
    """The measurements as a Markdown table, each command's median with every round."""
    out = ["| Command | Median (s) | Rounds (s) | CPU, median (s) |", "|---|---|---|---|"]
    for name, seconds in times.seconds.items():
        out.append(f"| `{name}` | {statistics.median(seconds):.3f} | "
                   f"{', '.join(f'{value:.2f}' for value in seconds)} | {statistics.median(times.cpu[name]):.2f} |")
    return out


def targets(times: CommandTimes | None) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for the two command-line targets; ``met`` is ``None`` when not measured."""
    if times is None:
        return [(f"`geo --help` within {HELP_MARGIN_S} s of `python -c pass`", "–", None),
                (f"`geo validate` ≤ {VALIDATE_RATIO}× `import pandas, pandera.pandas`", "–", None)]
    margin, ratio = times.help_margin_s, times.validate_ratio
    return [
        (f"`geo --help` within {HELP_MARGIN_S} s of `python -c pass`",
         f"{margin:+.2f} s ({times.median(HELP):.2f} s against {times.median(BARE):.2f} s)", margin <= HELP_MARGIN_S),
        (f"`geo validate` ≤ {VALIDATE_RATIO}× `import pandas, pandera.pandas`",
         f"{ratio:.2f}× ({times.median(VALIDATE):.2f} s against {times.median(LIBRARIES):.2f} s)",
         ratio <= VALIDATE_RATIO),
    ]
