"""Places a sentence names where workers are not: rivers and bridges, markets, places across from another."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from . import gazetteer as gz
from .cues import SHIPPED_THROUGH, WORKSITE
from .gazetteer import Entry
from .mentions import Mention, km
from .numbers import figures_in

_LANDMARK_AFTER = re.compile(r"^\s+(?:River|river|Bridge|bridge|crossing|Crossing|Mountains?|mountains?|Strait|Lake|"
                             r"Bay|Port|port|customs|Customs|checkpoint|Estuary|Dam)\b")
_MARKET_BEFORE = re.compile(
    r"\b(?:buyers?|customers?|markets?|retailers?|importers?|consumers?|clients?|brands?|shipped|"
    r"sold|sells?|selling|export(?:ed|s|ing)?(?!\s+(?:of\s+)?(?:its\s+|their\s+)?(?:labou?r|workers|manpower|people))|"
    r"supermarkets?|shelves|freezers|end(?:s|ed)?\s+up|bound|destined)\b(?:\s+\w+){0,3}\s+(?:in|to|for)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?"
    r"(?:,\s+and\s+|,\s*|\s+and\s+)(?:the\s+)?)*$")
HEAD = ("count", "estimate")  # a head count of workers
_ACROSS_FROM = re.compile(r"(?i)\b(?:across\s+(?:the\s+(?:\w+\s+)?\w+\s+)?from|opposite|facing|faces|faced|bordering|"
                          r"on\s+the\s+border\s+with|partners?\s+in|ties\s+to|"
                          r"links\s+to|headquartered\s+in|headquarters\s+in)\s+(?:the\s+)?"
                          r"(?:(?:[\w-]+\s+){0,2}(?:city|town|port|county)\s+of\s+)?$")
_MOVED_ACROSS = re.compile(r"(?i)\b(?:arriv\w*|came|come|comes|coming|cross\w*|travel\w*|bus\w*|driven|brought|"
                           r"sent|walk\w*)\s+(?:[\w-]+\s+){0,3}across\s+(?:the\s+(?:\w+\s+)?\w+\s+)?from\s+(?:the\s+)?$")
"""Workers who came across a bridge or river from a place: they came from it."""
_SPEAKER_BEFORE = re.compile(
    r"(?i)\b(?:a|an|one|two|three|several|the|our)\s+(?:[a-z-]+\s+){0,2}(?:sources?|residents?|traders?|officials?|"
    r"brokers?|agents?|recruiters?|middlem[ae]n|contacts?|"
    r"businessm[ae]n|merchants?|insiders?|analysts?|reporters?|correspondents?|journalists?|exporters?|importers?|"
    r"diplomats?)\s+(?:based\s+)?"
    r"(?:in|of|from)\s+$|\b(?-i:Officials|Sources|Residents|Traders)\s+(?:in|of)\s+$")
_SPEAKERS = (r"(?:sources?|officials?|residents?|traders?|brokers?|diplomats?|analysts?|contacts?|insiders?|"
             r"businessm[ae]n|merchants?|authorities|police)")
_SPEAKER_AFTER = re.compile(rf"^(?:-based)?\s+{_SPEAKERS}\s+(?:said|says|say|told|added)\b")
"""A place that names the speaker: "the Liaoning source said" (plural speakers before it: "officials in Valletta
said")."""
_SPEAKERS_BEFORE = re.compile(rf"(?i)\b{_SPEAKERS}\s+(?:in|from)\s+$")
_FAMILY = re.compile(r"(?i)\bresidents?\b")
"""A resident of a North Korean place is often one of the families the workers left: that place stays (an origin)."""
"""Where the person speaking is, not where the workers are: "a source in Dandong told ...", "A resident of
Sinuiju said"."""
_MONEY = re.compile(r"(?i)\b(?:wages?|pay|earnings|revenue|money|dollars|income|cash|profits?|percent|currency|"
                    r"salar(?:y|ies)|yuan|"
                    r"RMB|USD)\b|\$\s?\d")
_NEGATIVE = re.compile(r"(?i)\b(?:no\s+(?:signs?|evidence|traces?|records?)\s+of|not\s+(?:been\s+)?found|"
                       r"none\s+(?:were\s+|was\s+)?found)\b[^.;:,]{0,60}\b(?:in|at)\s+"
                       r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:,\s+(?:or\s+|and\s+)?|\s+(?:or|and)\s+))*$")
"""A place named only to say no workers were found there: "found no sign of such workers in Hong Kong or Macau"."""
_COMPARISON = re.compile(r"(?i)\b(?:than|unlike|compared\s+(?:with|to)|similar\s+to|(?:by|in)\s+contrast,?|"
                         r"(?:half|twice|double|triple|a\s+fraction\s+of|a\s+(?:third|quarter|fifth)\s+of)\s+"
                         r"(?:those|that|what\s+(?:it|they)\s+(?:costs?|pays?|earns?)))\s+"
                         r"(?![\d,]+\b|(?:a|an|some)\s+(?:few\s+)?"
                         r"(?:thousand|hundred|dozen)\b)(?:[\w'’-]+\s+){0,5}?(?:in\s+|at\s+)?$")
_COUNTED_THERE = re.compile(r"^(?:(?:,\s+|\s+and\s+|\s+or\s+)(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*"
                            r"(?:\s+[Pp]rovinces?)?,\s+where\s+(?:about\s+|some\s+|an\s+estimated\s+|more\s+than\s+)?"
                            r"(?:tens\s+of\s+thousands|thousands|hundreds|[\d,]+\d)\b")
"""A compared place where the sentence counts workers: "than in Liaoning and Jilin, where tens of thousands remain"."""
"""A place named for comparison: "paid less than Chinese builders in Harbin", "Unlike the restaurants in Beijing",
"wages half those in Shanghai", "by contrast, factories in Shenzhen"
(not "more than 1,000 workers in Dandong")."""
_OFFICE = re.compile(r"(?i)\b(?:authorities|government|governments|ministry|embassy|consulate|lawmakers|regulators|"
                     r"prosecutors|office|offices|researchers?|professors?|experts?|scholars?|activists?|diplomats?|"
                     r"editors?|lawyers?|agents?|agenc(?:y|ies)|brokers?|recruiters?|handlers?|banks?|accounts?|courts?|"
                     r"tribunals?|judges?|inspectorates?|inspectors?|parliament|legislature|police)\s+(?:in|of|at|based\s+in)\s+$"
                     r"|\b(?:which|that)\s+is\s+(?:based|headquartered)\s+in\s+$|\b(?:flagged|registered|licensed)\s+in\s+$"
                     r"|\b(?:labell?ed|labels?|tags?|stamped|marked)\s+(?:as\s+)?[\"“'‘]?(?:made|produced)\s+in\s+$"
                     r"|[\"“'‘](?:Made|made)\s+in\s+$"
                     r"|\b(?-i:Institute|University|Center|Centre|Foundation|Agency|Service|Ministry|Department|Office|"
                     r"Council|Committee|Commission|Bureau)\b(?:\s+(?:for|of|on)?\s*[A-Z][\w'’-]*){0,4}\s+(?:in|based\s+in)\s+$"
                     r"|\bwho\s+(?:[^,.;]{0,60}?\s+and\s+)?(?:now\s+)?(?:lives|lived|is\s+living|settled|resettled|is\s+based)\s+in\s+$"
                     r"|\b(?:now|currently)\s+(?:living|based|resettled|settled)\s+in\s+$"
                     r"|\b(?:(?:monitoring|rights|research|advocacy|watchdog|campaign|activist|journalism|civic|"
                     r"non-?profit)\s+(?:group|organi[sz]ation)|nonprofit|NGO|think[\s-]tank|watchdog|outlet|website|"
                     r"newspaper|broadcaster|news\s+agency)\s+(?:(?:that\s+is\s+)?based|headquartered)\s+in\s+$"
                     r"|\b(?:compan(?:y|ies)|firms?|entit(?:y|ies)|fronts?)\s+(?:that\s+(?:is|was)\s+)?(?:registered|"
                     r"incorporated)\s+in\s+$"
                     r"|\b(?:(?:paid|pays?|wired|remitted)\s+(?:[\w-]+\s+){0,3}?|(?:sen[dt]s?|sending|transfer\w*|wire[sd]?|"
                     r"forward\w*|remit\w*|hand(?:s|ed)?(?:\s+over)?)\s+(?:[\w-]+\s+){0,2}?(?:money|wages?|pay|earnings|"
                     r"cash|funds|proceeds|revenue|income|salar(?:y|ies)|dollars|yuan|remittances?)\s+(?:[\w-]+\s+){0,3}?)"
                     r"to\s+(?:(?:a|an|the|their|its)\s+)?(?:[\w-]+\s+){0,3}?"
                     r"(?:compan(?:y|ies)|firms?|accounts?|banks?|brokers?|agents?|agenc(?:y|ies))\s+(?:in|based\s+in)\s+$")
"""Where an authority, an office, an institute or a speaker is, not where the workers are: "Chinese authorities in
Changchun", "a researcher at the Korea Institute for National Unification in Seoul", "a former worker who now lives
in Seoul"."""
_LANDMARK_CLAUSE = re.compile(r"(?i)\b(?:bridge|river|crossing|road|highway|railway|rail\s+line|ferry)\b[^,.;]{0,50}?"
                              r"\b(?:that|which|linking|links|connecting|connects|carr(?:y|ies|ying)|leads?|leading)\b"
                              r"[^,.;]{0,60}\b(?:to|from|into|with|and)\s+$"
                              r"|\b(?:on|along|by|beside|near)\s+(?:the|a)\s+(?:[\w-]+\s+)?(?:road|highway|railway|rail\s+line|"
                              r"train\s+line|ferry\s+route|route|motorway)\s+(?:from\s+[\w'’-]+\s+)?(?:to|from)\s+$")
"""A place at the far end of a bridge or road the sentence describes: "the Friendship Bridge that carries trucks across
the Yalu River to Sinuiju"."""


_RIVER_BEFORE = re.compile(r"(?i)\b(?:across|along|over|cross(?:ed|es|ing)?|up|down|banks?\s+of|mouth\s+of|waters\s+of)"
                           r"\s+the\s+$")
"""A city's name used for its river: "crossed the Tumen into Hunchun", "along the Yalu"."""
_NOT_WORKERS_FROM = re.compile(r"(?i)\b(?:fleets?|trawlers?|vessels?|ships?|shipowners?|businessm[ae]n|"
                               r"business(?:wo)?m[ae]n|owners?|investors?|compan(?:y|ies)|"
                               r"firms?|traders?|buyers?|delegations?|brokers?|tourists?|visitors?|reporters?|journalists?|tour\s+groups?|"
                               r"diners|guests|customers|holidaymakers|"
                               r"shipped|trucked|caught|sourced|exported|landed|orders?)"
                               r"\s+(?:\w+\s+){0,2}from\s+$|\borders?\s+from\s+(?:[\w-]+\s+){0,3}?(?:in|based\s+in)\s+$|\b(?:by\s+(?:tele)?phone|speaking|reporting)\s+from\s+$"
                               r"|\bowned\s+by\s+(?:[\w-]+\s+){0,3}?(?:in|based\s+in|from)\s+$"
                               r"|\baccording\s+to\s+(?:[\w'’-]+\s+){0,4}?from\s+$")
"""Where an owner, a buyer or a visitor comes from, or where a source phones from: "a businessman from Wenzhou owns
the plant", "told the broadcaster by phone from Dandong", "boats owned by companies in Zhoushan"."""
_EVENT_AFTER = re.compile(r"^\s+(?:Olympics|Olympic\s+Games|Games|[Ss]ummit|Declaration|Agreement|Treaty|Accord|"
                          r"Protocol|talks|Talks|Expo|Marathon|Forum)\b")
"""A place named in an event or a treaty: "since the Beijing Olympics", "the Singapore summit"."""


_LIST_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+))+$")
"""The places before this one in a list ("from Ningbo and ", "in Tianjin, Qingdao or "): the words before the list
say the same of every place in it."""
_SOMEONE_ELSE = re.compile(
    r"(?i)\b(?:owners?|businessm[ae]n|business(?:wo)?m[ae]n|officials?|lawmakers?|buyers?|traders?|sources?|"
    r"managers?|reporters?|journalists?|researchers?|diplomats?|investors?|executives?|brokers?|visitors?|tourists?|"
    r"analysts?|spokes(?:man|woman|person)|minister|envoy|he|she)\b,?\s+who\s+"
    r"(?![^,;:.()\"“”]*\b(?:say|says|said|told|estimate[sd]?|believe[sd]?|report(?:s|ed)?)\b)[^,;:.()\"“”]*$")
"""A relative clause about a person who is not one of the workers: "said the owner, who often travels to Qingdao"
(where that person goes or lives is not where the workers are)."""


_CLIENTS = re.compile(r"(?i)\b(?:clients?|customers?|buyers?|purchasers?)\s+(?:have\s+)?(?:included?|includes|were|are|"
                      r"such\s+as|like)\b[^.;:]{0,100}?\b(?:in|based\s+in|from)\s+$")
"""Where clients are: "Clients included a game developer in Tokyo and a web design firm in Osaka"."""
_AUTHORITY_AFTER = re.compile(r"^,\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:(?:foreign|labou?r|interior|local|city|"
                              r"provincial|immigration|border)\s+)?(?:police|officials?|authorities|ministry|government|prosecutors?|"
                              r"spokes(?:man|woman|person)|lawmakers|diplomats?|regulators)\s+(?:said|say|says|told|have|"
                              r"has|had|did|declined|denied|insist\w*)\b")
"""A sentence that opens on the seat of an authority that speaks: "In Bangkok, Thai police said they had found no
restaurant still open"."""
_GOODS = re.compile(r"(?i)\b(?:shipments?|exports?|imports?|cargo(?:es)?|consignments?|deliveries)\s+of\s+"
                    r"(?:[\w-]+\s+){1,3}?(?:from\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3})?(?:from|to|into)\s+(?:the\s+)?$"
                    r"|\b(?:squid|crab|fish|seafood|catch|coats?|clothes|clothing|garments|goods|products?|cargo|wigs|"
                    r"eyelashes|timber|logs|ore|coal)\b(?:\s+(?:that|which))?\s+(?:is\s+|are\s+|was\s+|were\s+)?"
                    r"(?:leaves?|left|pass(?:es|ed)?|goes|went|ships?|shipped|trucked|exported|moved|sold|arrives?|arrived|"
                    r"landed|carried)\b(?:\s+(?!(?:at|in|on)\b)[\w'’-]+){0,6}?\s+(?:through|via|from|to|for)\s+"
                    r"(?:the\s+(?:[\w-]+\s+)?(?:port|city|town)\s+of\s+)?$"
                    r"|\b(?:drive|ride|journey|flight|trip|walk|hours?|minutes?)\s+(?:away\s+)?(?:from|of)\s+(?:the\s+)?$")
"""Where goods come from or go: "shipments of eyelashes from North Korea to China", "the packed squid leaves through
the port of Dalian for Japan"; a place named for the time it takes to get there: "a two-hour drive from Yanji"."""
_ESCAPE_ROUTE = re.compile(r"(?i)\b(?:defect(?:ed|ing|s)?|escap(?:ed|ing|es)|fled|flee(?:ing|s)?|sought\s+asylum|"
                           r"made\s+(?:her|his|their)\s+way)\b[^.;,]{0,80}?\b(?:to|through|via|into|reached)\s+(?:the\s+)?$"
                           r"|\b(?:rights|advocacy|activist|aid|monitoring|research|defector|civic)\s+groups?\s+(?:based\s+)?in\s+$")
"""Where someone who fled went, and the way there, not where workers are ("escaped in 2019 and reached South Korea
through Laos", "defected to Seoul"); where a rights group is ("rights groups in Seoul say")."""
_PROCEEDING = re.compile(r"(?i)\b(?:released|published|issued|presented|unveiled|launched|voted|adopted|convened|"
                         r"testif(?:y|ied|ies)|briefing|hearing|told\s+(?:reporters|journalists|a\s+news\s+conference)|"
                         r"(?:news|press)\s+conference|summit|talks|negotiations)\b(?:\s+[\w'’-]+){0,4}?\s+(?:in|at)\s+$")
"""Where a report was released, a vote taken or a hearing held: "a report released in New York", "voted for the
sanctions in New York"."""


_WORK_AT_HOME = re.compile(r"(?i)\b(?:factories|factory|plants?|workshops?|mines?|farms?|mills?)\s+in\s+$")
_SENT = re.compile(r"(?i)\b(?:sent|dispatched|arriv\w*|came|come|brought|travel\w*|cross\w*|left|leave|abroad|overseas|"
                   r"hired|recruit\w*|select\w*|chos\w*|picked|mobili[sz]\w*|bound)\b")


def not_where_workers_are(text: str, mention: Mention, offset: int) -> bool:
    """A river, bridge or crossing named after a place, or at the far end of one; a market or buyers of the goods;
    a place only described as across from another; where a source speaks from; where no workers were found; a
    comparison; an authority's or office's seat; North Korea as where the money goes; a place in a relative clause
    about someone else. A place listed after another ("from Ningbo and Wenzhou") shares the words before the list."""
    before, after = text[: mention.start - offset], text[mention.end - offset:]
    if _not_where(text, mention, before, after):
        return True
    listed = _LIST_BEFORE.search(before[-120:])
    return bool(listed) and _not_where(text, mention, before[: len(before) - len(listed.group(0))], after)


def _not_where(text: str, mention: Mention, before: str, after: str) -> bool:
    """:func:`not_where_workers_are` with the words ``before`` the place given."""
    if _SOMEONE_ELSE.search(before[-120:]) or (re.fullmatch(r"\s*(?:In|At)\s+", before)
                                               and _AUTHORITY_AFTER.match(after)):
        return True
    landmark = _LANDMARK_AFTER.match(re.sub(r"^-[A-Z][\w'’]*", "", after))  # "the Dandong-Sinuiju bridge": both ends
    if landmark and not (re.match(r"\s+[Cc]rossing", landmark.group(0)) and (  # "the Tumangang-Khasan crossing"
            after.startswith("-") or re.search(r"[A-Z][\w'’]*-$", before))) or _EVENT_AFTER.match(after):
        return True
    if mention.entry.precision == "city" and _RIVER_BEFORE.search(before[-40:]) and not re.match(
            r"\s+(?:city|City|county|County)\b", after):
        return True
    if _NOT_WORKERS_FROM.search(before[-60:]):
        return True
    if SHIPPED_THROUGH.search(before[-80:]) and mention.entry.country != "KP":
        return True  # "ships frozen fillets through Dalian", "shipped through Hong Kong": the goods' route
    if (market := _MARKET_BEFORE.search(before[-120:])) and mention.entry.country not in ("KP",) and not re.match(
            r"(?i)(?:bound|destined)\s+(?:for|to)\s+(?:[\w-]+\s+){0,2}" + WORKSITE, market.group(0)):
        return True
    if _ACROSS_FROM.search(before[-40:]) and not _MOVED_ACROSS.search(before[-80:]):
        return True  # "Sinuiju, across the river from Dandong" (not "arrived across the bridge from Rason")
    if _SPEAKER_AFTER.match(after) or _SPEAKERS_BEFORE.search(before[-40:]) and re.match(
            r"\s+(?:said|says|say|told|added)\b", after):
        return True
    speaker = _SPEAKER_BEFORE.search(before[-60:])
    if speaker and (mention.entry.country != "KP" or not _FAMILY.search(speaker.group(0))):
        return True  # a resident of a North Korean province is often one of the families the workers left
    if _COMPARISON.search(before[-60:]) and not _COUNTED_THERE.match(after):
        return True
    if _NEGATIVE.search(before[-120:]) or _OFFICE.search(before[-120:]):
        return True
    if re.search(r"(?i)\b(?:labou?r|wages?|pay)\s+in\s+$", before) and re.match(r"\s+(?:costs?|is\s+cheap)", after):
        return True  # "Labour in Pyongyang costs a fifth of ...": the price of labour there, not workers there
    if _LANDMARK_CLAUSE.search(before[-140:]) or _PROCEEDING.search(before[-80:]) or _CLIENTS.search(before[-160:]) \
            or _GOODS.search(before[-100:]) or _ESCAPE_ROUTE.search(before[-120:]):
        return True
    if mention.entry.country == "KP" and _WORK_AT_HOME.search(before[-40:]) and not _SENT.search(text):
        return True  # "the work done by women in factories in Pyongyang": work at home, not workers sent abroad
    return mention.entry.country == "KP" and bool(re.search(r"\b(?:to|for)\s+(?:(?:the\s+)?(?:\w+\s+)?"
                                                             r"(?:compan(?:y|ies)|firms?|agenc(?:y|ies)|coffers|"
                                                             r"accounts?|state|party|government|regime)\s+in\s+)?$",
                                                             before)) and \
        bool(_MONEY.search(text))


_ENCLOSING_BETWEEN = re.compile(r",\s+(?:in\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:(?:in|of)\s+)?"
                                r"(?:[A-Z][\w'’-]*\s+(?:[Pp]rovince['’]s\s+)?){0,2}|,?\s+in\s+(?:the\s+)?")
_AREA_AFTER = re.compile(r"^(?:\s+(?:Korean\s+)?(?:Autonomous\s+)?(?:prefecture|Prefecture|region|Region|district|"
                         r"District|economic|development|area))")


_NEAR_BETWEEN = re.compile(r",?\s+(?:(?:just|about|some|roughly)\s+)?(?:(?:[\d,]+|a\s+few|several)\s+(?:km|kilometres|"
                           r"kilometers|miles)\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+)?(?:of|from)|"
                           r"(?:just\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of|"
                           r"near|not\s+far\s+from|close\s+to|outside|across\s+from)\s+(?:the\s+(?:[\w-]+\s+){0,2}"
                           r"(?:city|town|port)\s+of\s+)?")
"""Between a place and another named only to say where it lies: "in Jixi, near Mudanjiang", "in Tumen, about 60
kilometres from Yanji"."""
_APPOSED_NEAR = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:(?:(?:just|about|some|roughly)\s+)?"
                           r"(?:(?:[\d,]+|a\s+few|several)\s+(?:km|kilometres|kilometers|miles)\s+)?"
                           r"(?:(?:(?:north|south|east|west)(?:-?(?:east|west))?|"
                           r"upstream|downstream|up\s+the\s+coast|down\s+the\s+coast)\s+(?:of|from)|near|outside|"
                           r"not\s+far\s+from|close\s+to)|under|administered\s+by|part\s+of)\s+")
"""Between a place and another that an apposition locates it by: "Zhuanghe, a port city north of Dalian",
"Fangchuan, a village near Hunchun", "Pingdu, a county-level city under Qingdao"."""


_OPENING_IN = re.compile(r"\s*(?:In|Across|Elsewhere\s+in|Farther\s+north\s+in|Farther\s+south\s+in)\s+(?:the\s+)?"
                         r"(?:(?:neighbou?ring|northeastern|north-eastern|southern|northern|eastern|western|coastal|"
                         r"nearby)\s+)?")
_SAME_CLAUSE = re.compile(r"(?:\s+(?:[Pp]rovince|[Rr]egion))?,\s+"
                          r"(?![^;]*\b(?:while|but|whereas|and\s+(?:in|at))\b)[^;]{0,120}\b(?:in|at|near|outside)\s+(?:the\s+(?:[\w-]+\s+){0,2}(?:city|town|port|county)\s+of\s+)?")
"""A sentence opening "In PROVINCE," whose clause then names a city of it: the province only locates the city."""


def locates_only(text: str, mention: Mention, kept: list[Mention], offset: int) -> bool:
    """A place named after another only to locate it: "Linjiang, a city in Jilin's Baishan prefecture", "Yanji, in
    the Yanbian Korean Autonomous Prefecture", "Jixi, near Mudanjiang" (the first is the place; the other is not a
    second one)."""
    local_start, local_end = mention.start - offset, mention.end - offset
    if any(other.end <= mention.start and other.entry.id != mention.entry.id and not other.entry.is_area
           and (_NEAR_BETWEEN.fullmatch(text[other.end - offset: local_start])
                or _APPOSED_NEAR.fullmatch(text[other.end - offset: local_start])) for other in kept):
        return True
    if mention.entry.precision == "country" and any(
            other.start > mention.end and other.entry.country == mention.entry.country and not other.entry.is_area
            and re.fullmatch(r",?\s+(?:[^,;\d]{0,40}\bin|at|near)\s+", text[local_end: other.start - offset])
            for other in kept):
        return True  # "Across the border in Laos, two restaurants in Vientiane" (no head count for the country)
    if mention.entry.precision in ("province", "country") and _OPENING_IN.fullmatch(text[:local_start]) and any(
            other.start > mention.end and not other.entry.is_area and (other.entry.admin1 == mention.entry.admin1 if
                                                                       mention.entry.precision == "province" else
                                                                       other.entry.country == mention.entry.country)
            and _SAME_CLAUSE.fullmatch(between := text[local_end: other.start - offset]) and (
                mention.entry.precision == "province" or not any(f.kind in HEAD for f in figures_in(between)))
            for other in kept):  # "In Mongolia, about 200 workers ... in Darkhan": the country's own head count
        return True  # "In Heilongjiang province, some 800 work near Mishan", "In Vietnam, three restaurants in Hanoi"
    if not (mention.entry.precision in ("region", "province") or _AREA_AFTER.match(text[local_end:])):
        return False
    for other in kept:
        if other is mention or other.end > mention.start or other.entry.precision not in ("city", "county", "village"):
            continue
        between = text[other.end - offset: local_start]
        if other.entry.id != mention.entry.id and _ENCLOSING_BETWEEN.fullmatch(between) and \
                mention.entry.country in ("", other.entry.country) and km(other.entry, mention.entry) <= max(
                    150, float(mention.entry.radius_km or 0)):  # "in Dalian and Shenyang in northeastern China"
            return True
    return False


_DIRECTION_BEFORE = re.compile(r"(?i)\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$")


def region_around(text: str, mention: Mention, offset: int, known: Callable[[Entry], Entry]) -> Mention:
    """A city named only as the point a direction is taken from ("in the taiga north of Khabarovsk"): the workers
    are somewhere in its province or region, not in the city (``known`` gives the dataset's own entry)."""
    if mention.entry.precision != "city" or not _DIRECTION_BEFORE.search(text[: mention.start - offset]):
        return mention
    code = next((key for key, (name, others, *_) in gz.PROVINCES.items()
                 if key[0] == mention.entry.country and mention.entry.admin1 in (name, *others)), None)
    if code is None:
        return mention
    entry = known(gz.province_entry(*code))
    return replace(mention, entry=entry, how=f"'{mention.words}' only gives the direction: its region, {entry.name}")
