"""Dates for drafted reports: when a statement is about, at the precision the text gives, from the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH = r"(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|" \
         r"Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_YEAR = r"((?:19[5-9]|20[0-9])[0-9])"
_PART = r"(?:(early|mid|late|the (?:start|beginning|end|middle) of)[- ]?)?"
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "a couple of": 2, "a few": 3, "several": 5}


class DateError(ValueError):
    """A publication date that is not YYYY, YYYY-MM or YYYY-MM-DD (or a range START/END of them)."""


@dataclass(frozen=True)
class Published:
    """The publication date as given: ``start`` and ``end`` are equal unless a range was given."""

    text: str
    start: str
    end: str

    @property
    def years(self) -> tuple[int, int]:
        return int(self.start[:4]), int(self.end[:4])

    def months(self) -> tuple[str, str] | None:
        """First and last month the publication may fall in, or ``None`` when only the year is known."""
        if len(self.start) < 7 or len(self.end) < 7:
            return None
        return self.start[:7], self.end[:7]


@dataclass(frozen=True)
class DateGuess:
    """The period a statement is about, as ``reports.csv`` records it."""

    start: str
    end: str
    basis: str
    qualifier: str = ""
    note: str = ""


def parse_published(text: str) -> Published:
    """``2019``, ``2019-11``, ``2019-11-24`` or a range ``2019-11-23/2019-12-21``.

    Raises
    ------
    DateError
        When any part is not such a date, is not in the calendar, or the range ends before it starts.
    """
    import datetime

    parts = text.strip().split("/")
    if not text.strip() or len(parts) > 2:
        raise DateError(f"{text!r} is not a date like 2019, 2019-11 or 2019-11-24")
    for part in parts:
        if not re.fullmatch(r"[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?", part):
            raise DateError(f"{text!r} is not a date like 2019, 2019-11 or 2019-11-24")
        if len(part) == 10:
            try:
                datetime.date.fromisoformat(part)
            except ValueError:
                raise DateError(f"{text!r} is not a real calendar date") from None
    start, end = parts[0], parts[-1]
    if end[: min(len(start), len(end))] < start[: min(len(start), len(end))]:
        raise DateError(f"{text!r} ends before it starts")
    return Published(text.strip(), start, end)


def date_of(sentence: str, published: Published) -> DateGuess:
    """The period ``sentence`` is about: stated dates first, then relative words, else the publication year."""
    sentence = _COMPARED_YEAR.sub("", sentence)  # "three times as many as in 2019": not the statement's year
    sentence = _THINGS_YEAR.sub(",", sentence)  # "the plant, which opened in 2015,": the plant's year
    sentence = _EVENT_YEAR.sub("", sentence)  # "for the 2018 World Cup", "must leave by the end of next year"
    for rule in (_month_year, _year_range, _since_year, _before_year, _decade, _years, _month_only, _relative):
        guess = rule(sentence, published)
        if guess is not None:
            return guess
    first, last = published.years
    return DateGuess(str(first), str(last), "inferred", "uncertain" if first != last else "",
                     f"No date in the statement; the publication year ({published.text}).")


_COMPARED_YEAR = re.compile(r"(?i)\b(?:than|as\s+(?:many|much|high|large)\s+as|compared\s+(?:with|to)|up\s+from|"
                            r"down\s+from)\s+(?:(?:in|during)\s+)?(?:[0-9]{4})\b")
"""A year named only for comparison."""
_THINGS_YEAR = re.compile(r",\s+which\s+[^,;:]*?\b(?:19|20)[0-9]{2}\b[^,;:]*(?:,|$)"
                          r"|,?\s+(?:(?:that|which)\s+(?:was\s+)?)?(?:founded|established|set\s+up|opened|built|"
                          r"incorporated|registered|launched)\s+in\s+(?:19|20)[0-9]{2}\b,?")
"""A year in a relative clause or participle about a thing ("the plant, which opened in 2015,", "a firm founded in
2012"): the thing's year, not the statement's."""
_EVENT_YEAR = re.compile(r"(?i)\bthe\s+(?:19|20)[0-9]{2}\s+(?:FIFA\s+|Winter\s+|Summer\s+|Asian\s+)?(?:World\s+Cup|"
                         r"Olympics|Olympic\s+Games|Games|Expo|summit)\b"
                         r"|\b(?:blacklisted|sanctioned|designated|adopted|passed|imposed)\s+(?:by\s+[^,;]{1,40}?\s+)?in\s+"
                         r"(?:19|20)[0-9]{2}\b"
                         r"|\b(?:leave|go\s+home|return|be\s+sent\s+home|be\s+repatriated|be\s+withdrawn)\s+"
                         r"(?:[a-z]+\s+){0,3}?by\s+(?:the\s+end\s+of\s+)?(?:next|this)\s+year\b")
"""A year that belongs to an event, a sanction or a deadline for leaving, not to when the workers were there."""
_DECADE = re.compile(r"(?i)\b(since|in|during|through)\s+the\s+(?:(early|mid|late)[- ]?)?((?:19|20)[0-9])0s\b")


def _decade(s: str, p: Published) -> DateGuess | None:
    """"since the early 2000s" (from 2000 to the publication), "in the 1990s" (1990-1999)."""
    match = _DECADE.search(s)
    if not match:
        return None
    first = int(match.group(3)) * 10
    start, end = {"early": (first, first + 3), "mid": (first + 3, first + 6), "late": (first + 6, first + 9)}.get(
        (match.group(2) or "").lower(), (first, first + 9))
    if match.group(1).lower() == "since":
        return DateGuess(str(start), str(p.years[1]), "inferred", "", f"'{match.group(0)}': to the publication.")
    return DateGuess(str(start), str(end), "inferred", "approximate", f"'{match.group(0)}'.")


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _month_year(s: str, p: Published) -> DateGuess | None:
    found = re.findall(rf"\b{_PART}{_MONTH}\s+(?:[0-9]{{1,2}},?\s+)?{_YEAR}\b", s, re.I)
    if not found:
        return None
    dates = sorted(f"{year}-{_month_number(month):02d}" for _part, month, year in found)
    return DateGuess(dates[0], dates[-1], "stated")


def _year_range(s: str, p: Published) -> DateGuess | None:
    match = re.search(rf"\b(?:from|between)\s+{_YEAR}\s+(?:to|and|until)\s+{_YEAR}\b|\b{_YEAR}\s*[-–]\s*{_YEAR}\b", s)
    if not match:
        return _to_this_year(s, p)
    years = sorted(y for y in match.groups() if y)
    return DateGuess(years[0], years[-1], "stated")


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def _to_this_year(s: str, p: Published) -> DateGuess | None:
    """"from 2019 until early this year" (2019 to the publication year); "for the third year running" (the two years
    before the publication year too)."""
    now = p.years[1]
    match = re.search(rf"\bfrom\s+{_YEAR}\s+(?:to|until|till|through)\s+(?:(?:early|late|mid-?|the\s+(?:end|start|"
                      r"beginning)\s+of)\s+)?(this|last)\s+year\b", s, re.I)
    if match:
        return DateGuess(match.group(1), str(now - (match.group(2).lower() == "last")), "stated", "",
                         f"'{match.group(0)}': to {'this' if match.group(2).lower() == 'this' else 'last'} year.")
    match = re.search(r"\bfor\s+the\s+(second|third|fourth|fifth|sixth)\s+(?:straight\s+|consecutive\s+)?"
                      r"(?:year|season|harvest)(?:\s+running|\s+in\s+a\s+row)?\b", s, re.I)
    if match:
        return DateGuess(str(now - _ORDINALS[match.group(1).lower()] + 1), str(now), "inferred", "",
                         f"'{match.group(0)}': that many years to the publication.")
    return None


def _since_year(s: str, p: Published) -> DateGuess | None:
    match = re.search(rf"\bsince\s+(?:(?:at\s+least|around|about|roughly|approximately|as\s+early\s+as)\s+)?"
                      rf"{_PART}{_YEAR}\b|\bsince\s+the\s+(?:[\w-]+\s+){{1,5}}?(?:in|of)\s+{_PART}{_YEAR}\b", s, re.I)
    if not match:  # "since at least 2012", "since the border was closed in 2020": from that year on
        return None
    year, last = match.group(2) or match.group(4), str(p.years[1])
    return DateGuess(year, max(year, last), "inferred", "",
                     f"'{match.group(0)}': from {year} to the publication ({p.text}); the end is inferred.")


def _before_year(s: str, p: Published) -> DateGuess | None:
    match = re.search(rf"\bbefore\s+(?:the\s+(?:start|beginning)\s+of\s+)?{_YEAR}\b", s, re.I)
    if not match or _years_in(s) != {match.group(1)}:
        return None
    year = str(int(match.group(1)) - 1)
    return DateGuess(year, year, "stated", "", f"'{match.group(0)}': the year before {match.group(1)}.")


def _years(s: str, p: Published) -> DateGuess | None:
    years = _years_in(s)
    if not years:
        return None
    return DateGuess(min(years), max(years), "stated")


def _years_in(s: str) -> set[str]:
    """Years the sentence names (not sums of money such as "RMB 1500 to 2000")."""
    years = set()
    for match in re.finditer(rf"(?<![$€£¥\d,.])\b{_YEAR}\b(?![,.]?\d|\s*(?:%|yuan|won|USD|euros?|dollars))", s):
        if not re.search(r"(?:RMB|USD|\$|yuan|won|euros?|€)\s*[\d,.]+\s*(?:to|-|–|and)\s*$", s[: match.start()]):
            years.add(match.group(1))
    return years


def _month_only(s: str, p: Published) -> DateGuess | None:
    match = re.search(rf"\b(?:in|since|by|until|till|from|during|early|mid-?|late|end of|beginning of|start of|"
                      rf"last|this|of)\s+{_MONTH}(?![\w.]*\s+[0-9]{{4}})", s, re.I)
    if not match or (match.group(1).lower() == "may" and not match.group(1)[0].isupper()):
        return None
    number = _month_number(match.group(1))
    months = p.months()
    if months is None:
        first, last = p.years
        start, end = f"{first}-{number:02d}", f"{last}-{number:02d}"
        how = f"the publication year ({p.text})"
    else:
        start, end = _latest(number, months[0]), _latest(number, months[1])
        how = f"the latest {MONTHS[number - 1].title()} not after the publication ({p.text})"
    if re.match(r"(?i)since\b", match.group(0)):
        end, how = (months[1] if months else str(p.years[1])), how + "; 'since': to the publication"
    return DateGuess(start, end, "inferred", "uncertain" if start != end else "",
                     f"'{match.group(0)}' gives no year: {how}.")


def _latest(month: int, not_after: str) -> str:
    year, last = int(not_after[:4]), int(not_after[5:7])
    return f"{year if month <= last else year - 1}-{month:02d}"


_RELATIVE = (
    (r"\blast year\b", "year", -1), (r"\bthis year\b", "year", 0), (r"\bnext year\b", "year", 1),
    (r"\blast month\b", "month", -1), (r"\b(?:this|the current) month\b", "month", 0),
    (r"\bnext month\b", "month", 1),
    (r"\b(?:right now|at the moment|at present|currently|these days|nowadays|now|today|this week|"
     r"so far)\b", "month", 0),
    (r"\b(?:recently|in recent (?:months|weeks)|lately|a recent|until recently)\b", "year", 0),
)


def _relative(s: str, p: Published) -> DateGuess | None:
    past = re.search(r"(?i)\b(?:for|over|in|during)\s+the\s+(?:past|last)\s+(two|three|four|five|six|seven|eight|nine|"
                     r"ten|[0-9]+)\s+years\b", s)
    if past:
        count = _NUMBER_WORDS.get(past.group(1).lower()) or int(past.group(1))
        return DateGuess(str(p.years[0] - count), str(p.years[1]), "inferred", "",
                         f"'{past.group(0)}' before the publication ({p.text}).")
    if re.search(r"(?i)\bbefore\s+the\s+(?:COVID(?:-19)?\s+|coronavirus\s+)?pandemic\b", s) and p.years[0] > 2020:
        return DateGuess("2019", "2019", "inferred", "",
                         "'before the pandemic': 2019, before the borders closed in 2020.")
    season = re.search(r"(?i)\b(since\s+)?(last|in\s+the)\s+(spring|summer|autumn|fall|winter)\b", s)
    if season and season.group(2).lower() != "last" and re.search(r"(?i)\b(?:will|would|expected|plans?|next)\b", s):
        season = None  # "are expected in the spring": a season to come
    if season:  # "last autumn" (ended), "started in the autumn" (begun): the latest such season before publication
        months = p.months() or (f"{p.years[0]}-12", f"{p.years[1]}-12")
        month, year = _SEASONS[season.group(3).lower()], int(months[0][:4])
        year = year if month + (3 if season.group(2).lower() == "last" else 0) <= int(months[0][5:7]) else year - 1
        end = str(p.years[1]) if season.group(1) else str(year)
        return DateGuess(str(year), end, "inferred", "", f"'{season.group(0)}' in an article published {p.text}.")
    winter, months = re.search(r"(?i)\bthis\s+winter\b", s), p.months()
    if winter and months and int(months[0][5:7]) <= 2:  # "this winter" in January: from December of the year before
        return DateGuess(f"{int(months[0][:4]) - 1}-12", months[1], "inferred", "",
                         f"'{winter.group(0)}' in an article published {p.text}: the winter from the December before.")
    ago = re.search(r"\b(a couple of|a few|several|a|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)"
                    r"\s+years?\s+ago\b", s, re.I)
    if ago:
        count = _NUMBER_WORDS.get(ago.group(1).lower()) or int(ago.group(1))
        first = p.years[0] - count
        if ago.group(1).lower() in ("several", "a few", "a couple of"):
            return DateGuess(str(first - 2), str(first + 1), "inferred", "approximate",
                             f"'{ago.group(0)}' before the publication ({p.text}): about {first - 2}-{first + 1}.")
        still = re.search(r"(?i)\b(?:employ|employs|work|works|remain|remains|still)\b", s) and re.search(
            r"(?i)\b(?:came|arrived|were\s+(?:sent|brought))\b[^.;]{0,60}$", s[: ago.start()])
        return DateGuess(str(first), str(p.years[1] if still else p.years[1] - count), "inferred", "",
                         f"'{ago.group(0)}' before the publication ({p.text})" + (", and still there" if still else "")
                         + ".")
    for pattern, unit, step in _RELATIVE:
        match = re.search(pattern, s, re.I)
        if not match:
            continue
        words = match.group(0)
        months = p.months()
        if unit == "month" and months is not None:
            start, end = _shift(months[0], step), _shift(months[1], step)
            return DateGuess(start, end, "inferred", "uncertain" if start != end else "",
                             f"'{words}' in an article published {p.text}.")
        first, last = (y + step for y in p.years)
        qualifier = "uncertain" if first != last else ""
        return DateGuess(str(first), str(last), "inferred", qualifier,
                         f"'{words}' in an article published {p.text}: "
                         + ("the year before." if step < 0 else "the year after." if step > 0 else "that year."))
    return None


def _shift(month: str, step: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + step
    return f"{index // 12}-{index % 12 + 1:02d}"


def _month_number(word: str) -> int:
    key = word.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1
