"""Draft an article in a separate process with a CPU limit, so that no article can freeze the caller."""

from __future__ import annotations

import pickle
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, Problem
from ..settings import ROOT, SETTINGS
from .candidates import Draft

START_SECONDS = 30
"""Wall-clock time allowed on top of twice the CPU limit for the worker to start (it imports geo and pandas)."""


class DraftTimeoutError(ValueError):
    """Drafting took longer than it is allowed; the message is one line for a person."""


@dataclass(frozen=True)
class _Failure:
    """An error raised in the worker, as plain values (DataError does not survive pickling)."""

    kind: str
    message: str
    problems: tuple[Problem, ...] = ()


def draft_in_worker(data: bytes, published: str, data_dir: Path, *, publisher: str = "", title: str = "",
                    url: str = "", cpu_seconds: int | None = None, name: str = "the article") -> Draft:
    """Read ``data`` as an article and draft it against ``data_dir`` in a child process.

    The child (``python -m geo.drafting.draftrun``) caps its own CPU time with ``RLIMIT_CPU``, and the
    caller waits at most twice that long plus :data:`START_SECONDS` (a child shares the machine's
    cores with the server and other readers); a child over either limit is killed.
    The caller only waits on a pipe, so a server's other threads keep answering meanwhile.

    Parameters
    ----------
    data
        The article's bytes (UTF-8 text or an HTML page).
    published
        The publication date as typed (YYYY, YYYY-MM or YYYY-MM-DD).
    data_dir
        The dataset the candidates are for.
    publisher, title, url
        The source's fields.
    cpu_seconds
        CPU time the child may use (default: ``SETTINGS.draft_cpu_seconds``).
    name
        What errors call the article: its file name on the command line.

    Returns
    -------
    Draft

    Raises
    ------
    ArticleError, DateError, DataError
        As :func:`geo.drafting.draft_folder.make_draft` and the readers raise them.
    DraftTimeoutError
        The child used up its time, or died.
    """
    from .article import ArticleError
    from .dates import DateError

    limit = SETTINGS.draft_cpu_seconds if cpu_seconds is None else cpu_seconds
    request = pickle.dumps((limit, data, published, str(Path(data_dir).resolve()), publisher, title, url, name))
    # A fresh interpreter, not multiprocessing: under Streamlit, ``__main__`` is the page script,
    # which multiprocessing's spawn would run again in the child.
    try:
        finished = subprocess.run([sys.executable, "-m", "geo.drafting.draftrun"], input=request, capture_output=True,
                                  cwd=ROOT, timeout=2 * limit + START_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise DraftTimeoutError(f"{name}: drafting took longer than {2 * limit + START_SECONDS} s and was stopped; "
                                "is the article very long? Save only the article's text") from None
    if finished.returncode != 0:
        raise DraftTimeoutError(f"{name}: drafting used more than its {limit} s of CPU time (or failed: exit "
                                f"status {finished.returncode}) and was stopped; save only the article's text")
    result = pickle.loads(finished.stdout)  # noqa: S301 - written by our own child process
    if isinstance(result, _Failure):
        errors = {"article": ArticleError, "date": DateError}
        if result.kind == "data":
            raise DataError(list(result.problems))
        raise errors[result.kind](result.message)
    return result


def draft_file_in_worker(path: Path, published: str, data_dir: Path, *, publisher: str = "", title: str = "",
                         url: str = "", cpu_seconds: int | None = None) -> Draft:
    """:func:`draft_in_worker` for an article file, read without ever holding more than its size limit.

    Errors name the file; the other parameters are :func:`draft_in_worker`'s.

    Raises
    ------
    ArticleError
        The file is missing or over the size limit (and as :func:`draft_in_worker` raises it).
    """
    from .article import read_article_bytes

    return draft_in_worker(read_article_bytes(path), published, data_dir, publisher=publisher, title=title, url=url,
                           cpu_seconds=cpu_seconds, name=str(Path(path)))


def _work() -> None:
    """The child: read the request from stdin, limit its own CPU time, draft, write the Draft or the error."""
    limit, data, published, data_dir, publisher, title, url, name = pickle.loads(sys.stdin.buffer.read())  # noqa: S301
    resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))
    from .article import ArticleError, article_from_bytes
    from .dates import DateError, parse_published
    from .draft_folder import make_draft

    try:
        date = parse_published(published)
        article = article_from_bytes(data, name)
        result: object = make_draft(article, date, Path(data_dir), publisher=publisher, title=title, url=url,
                                    original=None if article.from_html else data)
    except ArticleError as error:
        result = _Failure("article", str(error))
    except DateError as error:
        result = _Failure("date", str(error))
    except DataError as error:
        result = _Failure("data", str(error), tuple(error.problems))
    sys.stdout.buffer.write(pickle.dumps(result))


if __name__ == "__main__":
    # The module by its own name, so that what it sends unpickles as geo.drafting.draftrun's.
    from geo.drafting import draftrun

    draftrun._work()  # noqa: SLF001 - the same module
