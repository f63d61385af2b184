"""Draft candidate reports from a new article: one row per statement that workers were at, left or passed a place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import gazetteer as gz
from .article import Article, Sentence, headline_end, split_sentences, starts_paragraph
from .countries import employer_country
from .cues import (
    ABROAD,
    ANAPHORA,
    CONTINENT,
    DATELINE,
    FIGURE_BACK,
    FILED_FROM_ONLY,
    FOREIGN_OTHER,
    FROM_BEFORE,
    HEDGE,
    LEGAL_ACTION,
    MONEY,
    MORE_OF_THEM,
    NK_PEOPLE,
    NK_RESTAURANTS,
    NORTH_KOREAN,
    NOT_SENT,
    ONE_SOURCE,
    OPENING_COUNT,
    OTHER_SUBJECT,
    PAY,
    PAY_WORD,
    PRESENT,
    PRONOUN_SUBJECT,
    QUOTED,
    RESTAURANT,
    RULES_OR_PAY,
    SITE,
    UNAWARE,
    WEAK_WORKER,
    WORKER,
)
from .dates import Published
from .gazetteer import Entry
from .mentions import CAPITALS, Mention, government
from .notwhere import locates_only, not_where_workers_are, region_around
from .numbers import figures_in
from .placefind import Placer
from .references import (
    AREA_WORD,
    DIRECTION_OF,
    DISTANCE_FROM,
    IN_THE_COUNTRY,
    THE_CAPITAL,
    THIS_CITY,
    WORKPLACES,
    Context,
    capital_by_adjective,
    city_named_before,
    goes_on_about_work,
    located_reference,
    names_kind,
)
from .rows import over_years, statement_row
from .sectors import carried_sector, industry_of, own_part_sector, sector_rules, sectors_in
from .statement import role_of, unique_rows

HEAD_COUNT = ("count", "estimate", "projection")
REVIEW_COLUMNS = ("confidence", "reason", "accept")
MAX_CANDIDATES = 2_000
"""More than a reviewer reads: drafting stops there and says where (a pasted file of repeated text)."""
"""Extra columns of drafted reports for the reviewer; ``geo merge`` drops them (and rows not accepted)."""

@dataclass
class Draft:
    """A drafted article: its source row, new places, candidate reports, and the seed text."""

    source: dict[str, str]
    places: list[dict[str, str]]
    reports: list[dict[str, str]]
    seed_name: str
    seed_bytes: bytes
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """FILE:LINE: column: … for cells a spreadsheet would run as formulas (files named as in the draft folder)."""


def candidates(article: Article, published: Published, places: list[dict[str, str]], sectors: list[dict[str, str]],
               notes: list[str] | None = None) -> list[tuple[Mention, Sentence, dict[str, str]]]:
    """Every candidate: the place mention, its sentence and the report cells (ids not yet given).

    Parameters
    ----------
    article
        The article (its ``text`` is the seed the quotes come from).
    published
        The publication date; relative dates are resolved against it.
    places, sectors
        Rows of the dataset's ``places.csv`` and ``sectors.csv``.
    notes
        Where drafting stopped, when it stopped after :data:`MAX_CANDIDATES`, is appended here.
    """
    placer = Placer(places, article.text)
    rules = sector_rules(sectors)
    china = _country(placer, "CN") if re.search(r"\bChina\b|\bChinese\b", article.text) else None
    context = Context()
    out = []
    headline = headline_end(article.text)
    previous_about_workers, industry, before = False, "", []
    drafted_before: list[Mention] = []  # the places of the sentence before, when it was drafted
    staff_words = RESTAURANT if NK_RESTAURANTS.search(article.text) else None  # a story about North Korea's restaurants
    for sentence in split_sentences(article.text):
        if sentence.end <= headline:
            continue  # the headline restates the story; the body's sentences carry the statements
        if len(out) >= MAX_CANDIDATES:
            (notes if notes is not None else []).append(
                f"drafting stopped at character {sentence.start + 1}: more than {MAX_CANDIDATES:,} candidates "
                "before it (is the text repeated?); split the article to draft the rest")
            break
        mentions = placer.mentions(sentence.text, sentence.start)
        dateline = DATELINE.match(sentence.text) if starts_paragraph(article.text, sentence.start) else None
        if dateline:
            filed = placer.mentions(dateline.group(1).title(), 0)
            named_again = re.search(rf"\b{re.escape(filed[0].entry.name.split()[0])}\b(?![-'’])",
                                    article.text[sentence.start + dateline.end():]) if filed else None
            story_city = filed and filed[0].entry.country not in FILED_FROM_ONLY and filed[0].entry.name not in CAPITALS
            if filed and (named_again or story_city) and context.dateline is None and not filed[0].entry.is_area:
                context.dateline = replace(filed[0], start=sentence.start, end=sentence.start,
                                           how=f"the dateline's {filed[0].entry.name}")
            if filed and (filed[0].entry.name in CAPITALS or filed[0].entry.geonames_id in gz.capital_ids()) and \
                    filed[0].entry.country not in FILED_FROM_ONLY:
                context.capital = replace(filed[0], start=sentence.start, end=sentence.start,
                                          how=f"'the capital' under the dateline: {filed[0].entry.name}")
            if filed and context.abroad is None and filed[0].entry.country not in FILED_FROM_ONLY | {"CN"}:
                context.abroad = _country(placer, filed[0].entry.country)  # "KHABAROVSK, Russia -": about Russia
            mentions = [m for m in mentions if m.start >= sentence.start + dateline.end()]
            sentence = replace(sentence, start=sentence.start + dateline.end(), text=sentence.text[dateline.end():])
        named_here = mentions
        kept = [m for m in mentions if not not_where_workers_are(sentence.text, m, sentence.start)]
        locating = [m for m in kept if locates_only(sentence.text, m, kept, sentence.start)]
        kept = [region_around(sentence.text, m, sentence.start, placer._known_or)  # noqa: SLF001 - same package
                for m in kept if m not in locating]
        named_elsewhere, mentions = len(kept) < len(mentions), kept
        mentions = located_reference(sentence.text, sentence, mentions, context)
        before_this = context.carried(sentence.paragraph, False, names_kind(sentence.text)) \
            if ANAPHORA.search(sentence.text) or PRONOUN_SUBJECT.match(sentence.text) else None
        before_this = city_named_before(sentence.text, sentence.start, named_here, kept) or before_this
        context.last += [(sentence.paragraph, m) for m in locating + mentions  # a place that locates one is named
                         if not DISTANCE_FROM.search(sentence.text[: m.start - sentence.start])]
        text = sentence.text
        precise = any(m.entry.precision not in ("country",) for m in mentions) or (
            before_this is not None and names_kind(text))  # "elsewhere in the city": the city named before
        about_workers = WORKER.search(text) or (WEAK_WORKER.search(text) and (NORTH_KOREAN.search(text) or precise)) \
            or (precise and (MORE_OF_THEM.match(text) and SITE.search(text) or staff_words and staff_words.search(
                text) or NK_PEOPLE.search(text) and (PRESENT.search(text) or any(
                    f.kind in HEAD_COUNT for f in figures_in(text))))) \
            or (previous_about_workers and (goes_on_about_work(text, rules) or MORE_OF_THEM.search(text) or (
                precise and PRONOUN_SUBJECT.match(text)) or (
                precise and (WORKPLACES.search(text) or re.search(r"\b[\d,]+\s+(?:more\s+)?of\s+them\b", text)))
                or any(f.kind != "share" and (NORTH_KOREAN.search(text) or f.start <= 15 and f.kind in HEAD_COUNT)
                       for f in figures_in(text))))  # "Between 60 and 80 were still at one plant there"
        figure_back = previous_about_workers and drafted_before and FIGURE_BACK.match(text) and figures_in(text)
        about_workers = about_workers or figure_back  # "That is down from a peak of about 2,100 in 2013"
        previous_about_workers, sector_before, drafted_this = bool(about_workers), before, drafted_before
        drafted_before = []
        before = sectors_in(text, rules)[0] or before
        industry_before, industry = industry, industry_of(text, rules, industry)
        if not about_workers or (FOREIGN_OTHER.search(text) and not NORTH_KOREAN.search(text)) or UNAWARE.match(text) \
                or (NOT_SENT.search(text) and not any(f.kind in HEAD_COUNT for f in figures_in(text))):
            continue
        chosen = [m for m in mentions if m.entry.country != "KP" or m.entry.precision != "country"
                  or FROM_BEFORE.search(text[: m.start - sentence.start])]
        confidence, carried_why = "high" if NORTH_KOREAN.search(text) else "medium", ""
        anaphor = ANAPHORA.search(text)
        if chosen and anaphor and AREA_WORD.search(anaphor.group(0)):
            area = context.carried(sentence.paragraph, True, names_kind(text))
            if area is not None and area.entry.id not in {m.entry.id for m in chosen}:
                chosen.append(replace(area, how=f"'{anaphor.group(0)}' refers back to {area.entry.name}"))
        subject = anaphor or PRONOUN_SUBJECT.match(text)  # "They were brought from Sinuiju by way of Dandong": a route
        if chosen and subject and not AREA_WORD.search(subject.group(0)) and before_this is not None \
                and before_this.entry.id not in {m.entry.id for m in chosen} \
                and (roles := {role_of(text, sentence.start, m)[0] for m in chosen}) <= {"origin", "transit"} \
                and (anaphor or len(roles) == 2) \
                and (subject.start() < min(m.start for m in chosen) - sentence.start
                     or subject.group(0).lower() not in ("there", "here")):
            # "came through Tumen and were taken north to the city": the city is the place named before
            chosen.append(replace(before_this, how=f"'{subject.group(0)}' refers back to {before_this.entry.name}"))
        if chosen and anaphor and (THIS_CITY.match(anaphor.group(0)) or names_kind(anaphor.group(0)) and all(
                m.entry.is_area for m in chosen) and not AREA_WORD.search(anaphor.group(0))) \
                and before_this is not None and before_this.entry.id not in {m.entry.id for m in chosen}:
            # "in this border city and in the nearby port of Donggang", "the town's station ... Russia's Amur region"
            chosen.append(replace(before_this, start=sentence.start + anaphor.start(),
                                  end=sentence.start + anaphor.end(), words=anaphor.group(0),
                                  how=f"'{anaphor.group(0)}' refers back to {before_this.entry.name}"))
            chosen.sort(key=lambda m: m.start)
        if figure_back:  # the places of the number it gives another figure for, before any its later clauses name
            chosen = [replace(m, start=sentence.start, end=sentence.start, how=f"'{FIGURE_BACK.match(text).group(0)}' "
                              f"refers back to the figure of the sentence before, at {m.entry.name}")
                      for m in drafted_this if m.entry.id not in {c.entry.id for c in chosen}] + chosen
        if not chosen and dateline and context.dateline is not None:
            chosen = [replace(context.dateline, how=f"the sentence under the dateline names no other place where "
                                                    f"workers are: the dateline's {context.dateline.entry.name}")]
            confidence = "medium"
        if chosen and (capital := capital_by_adjective(placer, text)) is not None and capital.entry.id not in {
                m.entry.id for m in chosen}:  # "in the Lao capital ... moved to Hanoi": the capital is named
            chosen.append(replace(capital, start=sentence.start + capital.start, end=sentence.start + capital.end))
        elif chosen and context.capital is not None and THE_CAPITAL.search(text) and all(
                role_of(text, sentence.start, m)[0] == "origin" or m.entry.precision == "country" for m in chosen) \
                and context.capital.entry.id not in {m.entry.id for m in chosen}:
            named = THE_CAPITAL.search(text)  # "in the Lao capital ...": with its country or the workers' origin
            chosen.append(replace(context.capital, start=sentence.start + named.start(),
                                  end=sentence.start + named.end(), words=named.group(0)))
        if not chosen and context.capital is not None and THE_CAPITAL.search(text):
            chosen = [context.capital]  # "a studio in the capital's art district" under "BEIJING -"
        if not chosen and (iso := employer_country(text)) and any(f.kind in HEAD_COUNT for f in figures_in(text)):
            chosen = [Mention(sentence.start, sentence.start, "", e, f"'{iso}': the employer or authority named by its "
                              "country's adjective") for e in [_country(placer, iso)] if e]  # "Polish authorities"
        if not chosen and named_elsewhere and not anaphor and not IN_THE_COUNTRY.search(text):
            continue  # the places it names are a market, a river or where the money goes: no statement
        if not chosen and (DIRECTION_OF.search(text) or not NORTH_KOREAN.search(text) and not any(
                f.kind in HEAD_COUNT for f in figures_in(text)) and WORKER.search(text) and all(
                    PAY_WORD.match(w.group(0)) for w in WORKER.finditer(text))):
            continue  # "orchards south of the capital"; "rising wages in the border region"
        if not chosen:
            confidence = "low"
            areas = bool(anaphor and AREA_WORD.search(anaphor.group(0)))
            carried = before_this if names_kind(text) and before_this is not None and before_this.entry.is_area is \
                areas else context.carried(sentence.paragraph, areas, names_kind(text))
            if ABROAD.search(text) and NORTH_KOREAN.search(text) and not any(
                    f.kind != "share" for f in figures_in(text)):
                continue  # policy about sending workers abroad ("wants to send as many abroad as it can"): no place
            if (LEGAL_ACTION.search(text) or RULES_OR_PAY.search(text) and not any(
                    f.kind != "share" for f in figures_in(text))) and not names_kind(text) and not (re.match(
                    r"(?:Most|Many|Some|They)\b[^,.;]*\b(?:19|20)[0-9]{2}\b", text)):
                continue  # sanctions, a law or where the pay goes, with no place and no head count: no statement
            if OTHER_SUBJECT.match(text) and not IN_THE_COUNTRY.search(text):
                continue  # "Importers said they had not known about the workers": about someone else
            if IN_THE_COUNTRY.search(text) and (country := context.country(_here(placer, text))) is not None:
                chosen, carried_why = [country], f"'{IN_THE_COUNTRY.search(text).group(0)}' refers back to the country"
            elif ABROAD.search(text) and NORTH_KOREAN.search(text) and (korea := _country(placer, "KP")):
                chosen = [Mention(sentence.start, sentence.start, "", korea, "workers sent 'abroad'/'overseas' "
                                  "with no place named: North Korea as the origin")]
            elif (anaphor or (back := PRONOUN_SUBJECT.search(text) or MORE_OF_THEM.search(text) or (
                    OPENING_COUNT.match(text) if any(f.start <= 15 and f.kind in HEAD_COUNT for f in figures_in(text))
                    else None))) and (
                    carried is not None):
                chosen = [carried]
                words = anaphor.group(0) if anaphor else back.group(0)
                carried_why = f"the sentence names no place but refers back ('{words}')"
            elif context.dateline is not None and context.dateline.entry.country == "CN" and not government(text) \
                    and (NORTH_KOREAN.search(text) or re.search(r"(?i)\b(?:the|these|those|her|his|their|its)\s+"
                                                                 r"(?:new\s+)?(?:workers|"
                                                                 r"women|arrivals|men)\b", text)):
                chosen = [context.dateline]
                carried_why = "the sentence names no place; the story's city (the dateline)"
            elif (abroad := context.abroad or _country(placer, context.most_named_country())) is not None:
                if not (PAY.search(text) or any(f.kind in HEAD_COUNT for f in figures_in(text))) or re.search(
                        r"(?i)\b(?:on|aboard)\s+(?:one|a|the|each|these|those|their)\s+(?:\w+\s+)?(?:ship|vessel|boat|"
                        r"trawler)s?\b", text):  # a crew at sea is not in the country the story is filed from
                    continue  # a story abroad: a sentence naming no place, pay or head count is not about the country
                chosen = [Mention(sentence.start, sentence.start, "", abroad, "")]
                carried_why = f"the sentence names no place; the country of the story ({abroad.name})"
            elif china is not None and not government(text) and not CONTINENT.search(text) and (
                    figures_in(text) or not QUOTED.search(text)) and (  # "Beijing has said"; a quote with no figure
                    figures_in(text) or MONEY.search(text) or sectors_in(text, rules)[0] or re.search(
                        r"\bChinese\b", text)):  # a figure, pay, a trade or China by its adjective
                chosen = [Mention(sentence.start, sentence.start, "", china, "")]
                carried_why = "the sentence names no place; a general statement about China"
            else:
                continue
        origins = [m for m in chosen if role_of(text, sentence.start, m)[0] == "origin"]
        figures = figures_in(text)
        for mention in chosen:
            row = statement_row(text, sentence, mention, published, rules, figures, origins)
            own_part_sector(row, text, mention.start - sentence.start, [m.start - sentence.start for m in chosen],
                            rules)
            carried_sector(row, row["quote"], rules, industry_before, sector_before)
            if carried_why:
                row["reason"] = f"place: {carried_why} → {mention.entry.name}; " + row["reason"]
            row["confidence"] = "low" if mention.fallback else confidence if not row.get("_homonym") else "medium"
            row.pop("_homonym", None)
            hedge = HEDGE.search(row["quote"]) or ONE_SOURCE.search(text)
            if hedge:
                row["caution"] = (f"The text hedges this statement ('{hedge.group(0)}'); check it before using "
                                  "it as established.")
            out += [(mention, sentence, r) for r in over_years(text, row, str(published.years[1]))]
        drafted_before = chosen
    return unique_rows(out)


def _here(placer: Placer, text: str) -> Entry | None:
    """The one country other than North Korea ``text`` names, even as a speaker ("Senegal's government")."""
    named = gz.countries_in(text) - {"KP"}
    return _country(placer, next(iter(named))) if len(named) == 1 else None


def _country(placer: Placer, iso: str) -> Entry | None:
    entry = gz.country_entry(iso)
    return placer._known_or(entry) if entry else None  # noqa: SLF001 - same package

