"""Give memory the load has finished with back to the system, so a later phase's peak does not stack on it."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
from collections.abc import Iterator


def release_memory() -> None:
    """Return freed memory to the system: Arrow's pool and, on glibc, the C heap's free pages.

    Arrow (mimalloc) and numpy and Python (the C heap) keep what they free for their own reuse; neither
    reuses the other's. Between the phases of loading a large dataset (reading, validating, building)
    that kept memory would add to the next phase's peak: at 500,000 reports about 100 MB.
    """
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> object | None:
    """glibc's ``malloc_trim``, or ``None`` on a C library without it (musl, macOS)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


def arrow_returns_memory() -> None:
    """Make jemalloc Arrow's default pool for the whole process (when this pyarrow has it).

    For a long-running server: with mimalloc, the 500,000-report dashboard's memory grew by about
    60 MB more over its first year steps (Arrow buffers of the page's tables and of the load, freed
    but kept), and peaked at 607 MB against 548 MB with jemalloc in the same run of steps.
    """
    import pyarrow as pa

    try:
        pa.set_memory_pool(pa.jemalloc_memory_pool())
    except NotImplementedError:  # a pyarrow built without jemalloc
        return


@contextlib.contextmanager
def arrow_pool_for_loading() -> Iterator[None]:
    """Within the block, Arrow allocates from jemalloc (when this pyarrow has it), then as before.

    pyarrow's default pool, mimalloc, kept about 130 MB it had freed while a 500,000-report dataset
    was validated and built, even after :func:`release_memory`; jemalloc gives it back. Each buffer
    remembers the pool it came from, so arrays made here are freed correctly afterwards.
    """
    import pyarrow as pa

    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc
        yield
        return
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(previous)
