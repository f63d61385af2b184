"""Writing files safely: atomically (a temporary file, then a rename), and never into data/ or seeds/."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .settings import ROOT


class OutputRefusedError(Exception):
    """A write refused before anything was written: into a protected folder, or onto a folder,
    device, FIFO or socket."""


def protected_folders(*dataset_folders: Path) -> list[Path]:
    """The folders nothing but a merge may write into: the ones given (a dataset's folder and its
    seeds), then the project's own ``data/`` and ``seeds/``."""
    return [*(Path(folder) for folder in dataset_folders), ROOT / "data", ROOT / "seeds"]


def inside_any(path: Path, folders: Iterable[Path]) -> Path | None:
    """The first of ``folders`` that is ``path`` or holds it (links resolved), else ``None``."""
    target = Path(path).resolve()
    for folder in folders:
        folder = Path(folder).resolve()
        if target == folder or folder in target.parents:
            return folder
    return None


def write_atomic(path: Path, text: str | bytes, *, protected: Iterable[Path] = ()) -> Path:
    """Write ``text`` (or bytes) to ``path`` via a temporary file and a rename; refuse protected folders.

    Parameters
    ----------
    path
        The file to write (its folder is made if missing).
    text
        What to write; text is written as UTF-8.
    protected
        Folders ``path`` must not be in (see :func:`protected_folders`).

    Returns
    -------
    Path
        ``path``, resolved.

    Raises
    ------
    OutputRefusedError
        When ``path`` is inside a protected folder, or names something that exists and is not a
        regular file (a folder, device, FIFO or socket).
    """
    path = Path(path)
    target = path.resolve()
    if (folder := inside_any(path, protected)) is not None:
        raise OutputRefusedError(f"{path}: refusing to write inside {folder}; choose another output path")
    if target.is_dir():
        raise OutputRefusedError(f"{path}: is a folder; give a file name")
    if target.exists() and not target.is_file():
        # A device, FIFO or socket: the rename below would replace it (run as root, /dev/null).
        raise OutputRefusedError(f"{path}: exists and is not a regular file; give a file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
        # mkstemp makes the file private (0600); what is written here is for sharing, so use the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
