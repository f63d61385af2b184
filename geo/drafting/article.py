"""Read an article for drafting: bounded, UTF-8, HTML reduced to its body text, split into sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MAX_BYTES = 2_000_000
"""Largest article accepted (2 MB of text is several books; news articles are a few KiB)."""


class ArticleError(ValueError):
    """An article that cannot be drafted from; the message is one line for a person."""


@dataclass(frozen=True)
class Article:
    """The text quotes are taken from (it becomes the seed), and whether it came from HTML."""

    text: str
    from_html: bool
    html_title: str = ""


@dataclass(frozen=True)
class Sentence:
    """One sentence: its offsets in the article text, its paragraph number and its text."""

    start: int
    end: int
    paragraph: int
    text: str


def read_article(path: Path | str) -> Article:
    """Read an article file without ever holding more than :data:`MAX_BYTES` + 1 bytes.

    Raises
    ------
    ArticleError
        Missing, empty, too large, not UTF-8, or nothing left once HTML markup is removed.
    """
    return article_from_bytes(read_article_bytes(path), str(Path(path)))


def read_article_bytes(path: Path | str) -> bytes:
    """An article file's bytes, never holding more than :data:`MAX_BYTES` + 1 of them.

    Raises
    ------
    ArticleError
        Missing, or over the size limit (the message names the file).
    """
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: no such file")
    with path.open("rb") as stream:
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        size = path.stat().st_size / 1_000_000
        raise ArticleError(f"{path}: too large for an article ({size:.1f} MB; the limit is "
                           f"{MAX_BYTES / 1_000_000:.0f} MB); save only the article's text")
    return data


def article_from_bytes(data: bytes, name: str = "article") -> Article:
    """The article in ``data`` (UTF-8 text or an HTML page); see :func:`read_article`."""
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{name}: too large for an article (the limit is {MAX_BYTES / 1_000_000:.0f} MB)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleError(f"{name}:{line}: not UTF-8 (byte {data[error.start:error.start + 1]!r} at offset "
                           f"{error.start}); save the article as UTF-8") from None
    if "\x00" in text:
        raise ArticleError(f"{name}: holds NUL bytes; it is not a text file")
    if not text.strip():
        raise ArticleError(f"{name}: is empty; paste or save the article's text")
    if looks_like_html(text):
        title, body = html_to_text(text)
        if not body.strip():
            raise ArticleError(f"{name}: an HTML page with no article text left once markup is removed")
        return Article(text=body, from_html=True, html_title=title)
    return Article(text=text, from_html=False)


_HTML_START = re.compile(r"\s*(?:\ufeff)?\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])", re.I)
_TAG = re.compile(r"</?(?:p|div|br|span|a|h[1-6]|li|ul|article|section|main|em|strong)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (or fragment) rather than plain text."""
    return bool(_HTML_START.match(text[:2000])) or len(_TAG.findall(text[:20000])) >= 5


_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template",
         "iframe", "button", "select", "figure", "head"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section", "main",
          "tr", "blockquote", "figcaption", "pre", "table", "dd", "dt", "hr"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "col", "area", "base", "embed", "track"}


class _TextExtractor(HTMLParser):
    """Collect the visible text of a page, one paragraph per block, inside ``<article>`` when there is one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.in_article = 0
        self.in_title = False
        self.title = ""
        self.blocks: list[list[str]] = [[]]
        self.article_blocks: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP and tag not in _VOID:
            self.skipping += 1
        if tag == "title":
            self.in_title = True
        if tag == "article":
            self.in_article += 1
        if tag in _BLOCK:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and tag not in _VOID and self.skipping:
            self.skipping -= 1
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self._break()
        if tag == "article" and self.in_article:
            self.in_article -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skipping:
            return
        self.blocks[-1].append(data)
        if self.in_article:
            self.article_blocks[-1].append(data)

    def _break(self) -> None:
        for blocks in (self.blocks, self.article_blocks):
            if blocks[-1]:
                blocks.append([])


def html_to_text(html: str) -> tuple[str, str]:
    """The page's title and its body text: one paragraph per line, blank line between paragraphs.

    Scripts, styles, navigation, headers, footers, asides, forms and figures are left out; when
    the page has an ``<article>`` element only its text is kept. Runs of whitespace inside a
    paragraph become one space. This text is what the seed holds and what quotes are taken from.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    chosen = parser.article_blocks if any(parser.article_blocks[0]) or len(parser.article_blocks) > 1 else None
    paragraphs = [" ".join("".join(block).split()) for block in (chosen or parser.blocks)]
    paragraphs = [p for p in paragraphs if p]
    return " ".join(parser.title.split()), "\n\n".join(paragraphs) + "\n"


_END_MARKERS = re.compile(
    r"(?im)^[^\S\n]*+(?:you['’]ve reached your limit of free articles|subscribe to (?:continue|read)"
    r"|related (?:articles|posts|stories)|share this article|join the discussion|leave a (?:comment|reply))\b")
"""Page furniture that ends the article in a saved web page (paywalls, related links, comments)."""

_ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "st", "no", "vs", "e.g", "i.e", "etc", "inc", "ltd", "co",
    "gov", "sen", "rep", "gen", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "jr", "sr", "prof", "corp", "dept", "est", "approx", "fig", "p", "pp", "vol", "n.k", "s.k",
}
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"”’)\]]*+(?=\s++[\"“‘(\[]?[A-Z0-9])")
"""The end of a sentence. Each run of stops is tried once, from its start, and possessive quantifiers
never give back what they took, so a line of a million dots or spaces is read in linear time."""
MAX_SENTENCE_CHARS = 1_000
"""Longer sentences are cut (at a space where there is one) into pieces of at most this many
characters. The curated seeds' longest sentence has 292; a limit keeps every per-sentence step bounded."""
_WORD_WINDOW = 64
"""How far back from a stop the word before it is looked for (abbreviations are short)."""


def article_end(text: str) -> int:
    """Offset where the article proper ends (the first paywall or comments marker, else the end)."""
    match = _END_MARKERS.search(text)
    return match.start() if match else len(text)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of the article proper, with offsets into ``text`` (so quotes are exact slices).

    A paragraph is a line; a sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes) before a
    capital letter or digit, except after a known abbreviation ("U.S.", "Dec.") or an initial. A
    sentence longer than :data:`MAX_SENTENCE_CHARS` is cut into pieces no longer than that.
    """
    end_of_article = article_end(text)
    sentences: list[Sentence] = []
    offset, paragraph = 0, -1
    for line in text[:end_of_article].split("\n"):
        paragraph += bool(line.strip())
        start = 0
        for match in _BOUNDARY.finditer(line):
            window = line[max(start, match.start() - _WORD_WINDOW): match.start()]
            before = window.split()
            cut_inside_word = match.start() - _WORD_WINDOW > start and not window[:1].isspace()
            word = before[-1].lower() if before and not (len(before) == 1 and cut_inside_word) else ""
            word = word.lstrip("(\"“‘[")
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            _add(sentences, line, start, match.end(), offset, paragraph)
            start = match.end()
        _add(sentences, line, start, len(line), offset, paragraph)
        offset += len(line) + 1
    return sentences


def _add(sentences: list[Sentence], line: str, start: int, end: int, offset: int, paragraph: int) -> None:
    """Add ``line[start:end]`` without its surrounding whitespace, cut into pieces of at most MAX_SENTENCE_CHARS."""
    piece = line[start:end]
    start, end = start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = line.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        cut = cut if cut > start else limit
        head_end = cut
        while line[head_end - 1].isspace():
            head_end -= 1
        sentences.append(Sentence(offset + start, offset + head_end, paragraph, line[start:head_end]))
        start = cut
        while start < end and line[start].isspace():
            start += 1
    if end > start:
        sentences.append(Sentence(offset + start, offset + end, paragraph, line[start:end]))


def headline_end(text: str) -> int:
    """Where the headline ends: a first line without a full stop, followed by a blank line (else 0)."""
    match = re.match(r"\s*([^\n]{1,200})\n[ \t]*\n", text)
    if not match or re.search(r"[.:;][\"”’]?\s*$", match.group(1)):  # a headline may end in a quotation or '?'
        return 0
    return match.end(1)


def starts_paragraph(text: str, start: int) -> bool:
    return start == 0 or not text[max(0, start - 200): start].split("\n")[-1].strip()
