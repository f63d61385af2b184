"""The curator's key: a secret printed when ``make curate`` starts, needed before the review page merges.

Binding to 127.0.0.1 and ``server.allowedHosts`` keep other machines and DNS-rebinding pages away
from the curation server; the key is the guard that holds even when they do not (a server started
with ``ADDRESS=0.0.0.0``, a proxy in front, a browser tab on a hostile page). Only someone who can
read the terminal that started the server knows it.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Mapping

SECRET_ENV = "NK_CURATE_KEY"  # noqa: S105 - the name of the variable, not a key
"""The environment variable through which the launcher hands the key to the server."""

MIN_LENGTH = 16
"""A key shorter than this (or none) means nobody may merge."""


def new_key() -> str:
    """A fresh random key (128 bits, URL-safe text)."""
    return secrets.token_urlsafe(16)


def expected_key(environ: Mapping[str, str] | None = None) -> str | None:
    """The key this server was started with, or None when it has none (then nothing merges)."""
    value = (os.environ if environ is None else environ).get(SECRET_ENV, "")
    return value if len(value) >= MIN_LENGTH else None


def is_curator(entered: object, environ: Mapping[str, str] | None = None) -> bool:
    """Whether ``entered`` is this server's key (compared in constant time).

    Parameters
    ----------
    entered
        What the person typed (anything; only a matching string passes).
    environ
        Where to find the key; ``os.environ`` when not given.

    Returns
    -------
    bool
        False when the server has no key, whatever was entered.
    """
    expected = expected_key(environ)
    if expected is None or not isinstance(entered, str) or not entered:
        return False
    return hmac.compare_digest(entered.strip().encode("utf-8"), expected.encode("utf-8"))
