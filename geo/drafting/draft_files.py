"""Reading a draft folder without trusting it: regular files only (no links, FIFOs or devices), within
the size limits, and one merge at a time per dataset."""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..settings import SETTINGS


class MergeError(ValueError):
    """A draft folder that cannot be merged; the message is one line for a person."""


def regular_file(path: Path) -> os.stat_result | None:
    """``lstat`` of a draft's file; MergeError when it is a link or not a regular file (None when absent)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(status.st_mode):
        raise MergeError(f"{path}: is a link; a draft folder holds only regular files (the link would publish "
                         "the file it points to)")
    if not stat.S_ISREG(status.st_mode):
        raise MergeError(f"{path}: is not a regular file; a draft folder holds only regular files")
    if status.st_nlink > 1:  # a hard link is another name of a file elsewhere (a key, a password file)
        raise MergeError(f"{path}: has {status.st_nlink} names (a hard link); a draft folder holds only files "
                         "of its own: copy the file instead of linking it")
    return status


def read_regular(path: Path) -> bytes:
    """A draft's seed, opened without following a link, refused unless a regular file within the seed size limit."""
    regular_file(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:  # ELOOP: replaced by a link since the check
        raise MergeError(f"{path}: cannot be opened as a regular file ({error.strerror})") from None
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise MergeError(f"{path}: is not a regular file; a draft folder holds only regular files")
        if status.st_size > SETTINGS.max_seed_bytes:
            raise MergeError(f"{path}: is {status.st_size:,} bytes; a seed may have at most "
                             f"{SETTINGS.max_seed_bytes:,} (max_seed_bytes)")
        return stream.read(SETTINGS.max_seed_bytes + 1)


@contextlib.contextmanager
def merge_lock(data_dir: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on the dataset folder itself (no lock file is left behind)."""
    descriptor = os.open(data_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock, as does the process's death
