"""Word patterns the drafter reads sentences by: about workers, North Korean, a hedge, a dateline, a clause."""

from __future__ import annotations

import re

WORKER = re.compile(
    r"(?i)\b(?:workers?|labou?r(?:ers?|\s+force)?|workforce|staff|waitress(?:es)?|waiters?|employees?|painters?|"
    r"artists?|trainees?|women|girls|housewives|dispatch(?:ed|es|ing)?|recruit\w*|sent|send(?:s|ing)?|"
    r"wages?|salar(?:y|ies)|earnings|remittances?)\b|\b(?:RMB|USD|yuan)\b[^.]{0,40}\b(?:month|monthly)\b")
WEAK_WORKER = re.compile(r"(?i)\b(?:work(?:s|ed|ing)?|employ(?:s|ed|ing)?|woman|man|people|go|went|gone|going|"
                         r"build(?:s|ing)?|built|sew(?:s|ing)?|stitch\w*|crews?|teams?|brigades?|hir(?:e|es|ed|ing)|builders?|developers?|"
                         r"programmers?|engineers?|technicians?|miners?|loggers?|cooks?|seamstress(?:es)?|fishermen|singers?|dancers?|"
                         r"performers?|musicians?|hostess(?:es)?|chefs?|nurses?|doctors?|welders?|plasterers?|"
                         r"carpenters?|sailors?|(?:deck|farm|field)[\s-]?hands?|crew\s+members?|students?|interns?)\b")
"""Words that make a sentence about workers only with a North Korean cue or a place more precise than a country."""
NORTH_KOREAN = re.compile(r"\b(?:North\s+Korea\w*|DPRK|N\.\s?K(?:orea)?\.?|Pyongyang\w*|Koreans?)\b")
FOREIGN_OTHER = re.compile(r"(?i)\b(?:foreign|Chinese|local|Vietnamese|Filipino|migrant)\s+"
                           r"(?:workers|labou?r|women|men|girls)\b|\bmigrants\b")
ANAPHORA = re.compile(r"(?i)\b(?:th(?:is|at|ese|ose)\s+(?:(?:Chinese|Russian|[a-z]+)\s+){0,2}"
                      r"(?:establishments?|restaurants?|gallery|factory|"
                      r"factories|plants?|city|town|area|place|county|zone|company|hotel|province|provinces|region|"
                      r"regions|prefecture)|the\s+(?:gallery|establishment|restaurant|factory|plant|city|town|county|zone|"
                      r"company|plants|factories|restaurants|mines?|site|sites|hotel|prefecture)|"
                      r"(?:the|its)\s+(?:(?!North|South|Chinese|Russian)[a-z-]+\s+){0,2}(?:factories|plants|restaurants|"
                      r"workshops)|its\s+(?:[a-z-]+\s+)?(?:restaurant|factory|plant|hotel|workshop|mine|site)|"
                      r"one\s+(?:such\s+)?(?:plant|factory|restaurant|company|team)"
                      r"(?:['’]s)?|there|here)\b")
PRONOUN_SUBJECT = re.compile(r"^[\"“]?(?:They|Most of them|Some of them|Many of them|All of them|(?:Most|Some|Many|All|"
                             r"Half) of (?:the|these|those) (?:workers|women|men|laborers|labourers)|"
                             r"The (?:workers|women|men|group|laborers|labourers)|These (?:workers|women|men)|"
                             r"(?:Some|Most|Many)\s+(?:were|are|had|have|work|worked|came|come|arrived|crossed|left|"
                             r"returned|went)|One\s+such\s+(?:team|group|crew))\b"
                             r"|^(?:In|At|Across|Elsewhere\s+in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s+"
                             r"(?:they|(?:most|many|some|all|half)\s+of\s+(?:them|the\s+(?:workers|women|men))|"
                             r"the\s+(?:workers|women|men))\b")
"""A sentence that goes on about the workers of the sentence before (naming no place, or only an opening one: "In
Kuwait, most of the men worked for a building firm"), also when it opens a quotation ("“They came in two groups")."""
OPENING_COUNT = re.compile(r"^[\"“]?(?:(?:Already|In\s+[\w\s]{1,20},)\s+)?(?:(?:about|some|around|nearly|roughly|"
                           r"more\s+than|"
                           r"over|at\s+least|up\s+to|between)\s+)?[\d,]*\d\b", re.I)
"""A sentence that opens with a bare head count ("Already more than 100 have come", "Between 60 and 80 were still
there", also opening a quotation): it goes on about the workers of the sentence before."""
MORE_OF_THEM = re.compile(r"^[\"“]?(?:(?:In|At|Elsewhere\s+in|Across)\s+(?:the\s+)?[A-Z][\w'’-]*"
                          r"(?:\s+[A-Z][\w'’-]*){0,2},\s+)?"
                          r"(?:(?i:about|some|around|nearly|roughly|up\s+to|as\s+many\s+as|at\s+least|another)\s+)?"
                          r"(?i:a\s+dozen|dozens|hundreds|thousands|[\d,]+)"
                          r"\s+more\b(?!\s+than)"
                          r"|^[\"“]?(?:Others|Another\b|A\s+(?:smaller|larger|second|third|further|separate)\s+group|"
                          r"(?:Dozens|Hundreds|Thousands|Several\s+\w+|(?:About|Some|Around|Nearly)\s+[\d,]+|[\d,]+)"
                          r"\s+more)\b|\b(?i:another|a\s+further)\s+(?:[\d,]+|few\s+(?:dozen|hundred))\b")
"""A sentence about more workers than the sentence before named ("Others work in ...", "Dozens more are expected
there"): about workers even without a worker word."""
DATELINE = re.compile(r"^([A-Z][A-Z'’.]+(?:[ /-][A-Z][A-Z'’.]+){0,2})(?:,\s*([A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*){0,2}))?"
                      r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?"
                      r"\s*(?:\([\w ]{1,20}\)\s*)?[-–—]+\s+")
"""A wire dateline ("YANJI, Jilin Province - ", "SEOUL, Dec. 3 (Yonhap) -- ", "BEIJING/SEOUL (Reuters) - "):
where the story was filed, not a statement about workers."""
_ONE_PERSON = (r"(?:source|trader|manager|resident|official|visitor|worker|defector|insider|businessman|businesswoman|"
               r"broker|driver|contractor|supervisor|guest|employee|owner|relative|foreman|customer|diner|villager|"
               r"witness|guard|executive|recruiter|diplomat|researcher|analyst|activist|engineer|journalist|reporter|"
               r"investigator|exporter|importer|farmer)")
HEDGE = re.compile(r"(?i)\b(?:(?-i:may|might)|could\s+have|reportedly|allegedly|perhaps|possibly|probably|"
                   r"(?:is|are|was|were)\s+(?:believed|thought)\s+to|is\s+said\s+to|are\s+said\s+to|"
                   r"were\s+said\s+to|was\s+said\s+to|rumou?r\w*|I\s+heard|unconfirmed|purportedly|supposedly)\b"
                   r"|\b(?:a|an|one|another)\s+(?:[\w'’]+\s+){0,2}" + _ONE_PERSON + r"\s+(?:[\w'’]+\s+){0,5}"
                   r"(?:said|says|told|added|claimed)\b"
                   r"|\b(?:the|a)\s+(?:(?:second|first|third|other|same)\s+)?" + _ONE_PERSON +
                   r"\s+(?:said|says|added|told)\b"
                   r"|\baccording\s+to\s+(?:a|an|one|another|the)\s+(?:[\w'’-]+\s+){0,2}" + _ONE_PERSON + r"\b"
                   r"|\bone\s+of\s+the\s+(?:[\w'’-]+\s+)?" + _ONE_PERSON + r"s\s+(?:said|says|added|told)\b"
                   r"|\bsuggest(?:s|ed)?\b"
                   r"|,[\"”’]?\s+(?:he|she|one\s+of\s+(?:them|the\s+\w+))\s+(?:said|says|added|told)\b")
"""A hedge, or a statement resting on one unnamed person's account: the candidate's ``caution`` says so."""
ONE_SOURCE = re.compile(r"(?i)\b(?:a|an|one|another)\s+(?:[\w'’-]+\s+){0,2}" + _ONE_PERSON +
                        r",\s+[^,;\"“”]{3,90},\s+(?:said|says|told|added)\b"
                        r"|\b(?:its|his|her)\s+(?:[\w'’-]+\s+)?" + _ONE_PERSON + r"\s+(?:said|says|added|told)\b")
"""One unnamed person's account, named outside the clause a statement quotes ("A second source, a trader who
travels to the border, said ..."; "..., its owner said"): the whole sentence rests on it."""
NK_PEOPLE = re.compile(r"\bNorth\s+Koreans\b(?!['’])")
"""North Koreans as people, not the adjective: with a place, a head count or a word of arriving or staying, workers."""
PRESENT = re.compile(r"(?i)\b(?:arriv\w*|came|come|remain\w*|stay\w*|live[sd]?|living|home\s+to|busloads?|number\s+of|"
                     r"hosted|hosts|housed)\b")
NK_RESTAURANTS = re.compile(r"\bNorth\s+Korean(?:-run|\s+state-run)?\s+restaurants?\b")
"""A story about North Korea's restaurants abroad: their staff are the workers, so a restaurant at a place is a
statement about them ("A third restaurant, in Luang Prabang, closed last year")."""
RESTAURANT = re.compile(r"(?i)\brestaurants?\b")
ABROAD = re.compile(r"(?i)\b(?:abroad|overseas)\b")
EVENT = re.compile(r"(?i)\b(?:defect(?!ors?\b)\w*|escaped|fled|arrested|detained|died|killed|riot\w*|strike|protest\w*|"
                   r"crossed\s+into|fire)\b")
FROM_BEFORE = re.compile(r"\b[Ff]rom\s+(?:[a-z][\w'’-]*\s+){0,3}$")
CLAUSE = re.compile(r",\s*(?:but|so|while|whereas)\b|;|\s+but\s+")
FEW = re.compile(r"(?i)\b(?:not\s+many|aren['’]t\s+many|isn['’]t\s+much|few(?!\s+(?:years|months|days))|fewer|"
                 r"hardly\s+any)\b")
NONE = re.compile(r"(?i)\b(?:(?:have|has|had|were|was)\s+(?:all\s+)?(?:been\s+)?(?:sent\s+(?:back|home)|repatriated|"
                  r"expelled|withdrawn)|no\s+(?:North\s+Korean\s+)?(?:workers|laborers)\s+(?:are|remain))\b")

_LEAD = r"(?:about|some|around|nearly|roughly|almost|more\s+than|over|at\s+least|up\s+to|another)\s+"
FIGURE_CLAUSE = re.compile(rf",\s+(?:and|but|while|whereas)\s+|;\s+|,\s+(?:(?:with|plus)\s+)?(?=(?:{_LEAD})?\d)|"
                           rf"\s+and\s+(?={_LEAD}\d)")
"""Where one clause of a sentence ends and the next, with a figure of its own, begins (", and", ";", or a list:
"about 800 in Yanji, 400 in Tumen and some 300 in Longjing")."""


RULES_OR_PAY = re.compile(
    r"(?i)\b(?:sanctions?|resolutions?|laws?|forbids?|forbidden|bans?|banned|barred|violat\w+|breach\w*|prohibit\w*)\b"
    r"|\b(?:pay|wages?|earnings|income|salar(?:y|ies))\b[^.;]{0,40}\b(?:goes|go|went|flows?|flowed|handed|paid|sent|"
    r"collected|taken)\b[^.;]{0,40}\b(?:to|by)\s+(?:the\s+)?(?:North\s+Korean\s+)?(?:state|government|regime|party|"
    r"minders|supervisors|overseers|handlers|Pyongyang)\b"
    r"|\b(?:send|sends|sent|sending|remit\w*|hand(?:s|ed)?\s+over|transfer\w*)\s+(?:[\w-]+\s+){0,4}?(?:pay|wages?|earnings|"
    r"income|salar(?:y|ies)|profits?|revenues?|proceeds|money|cash)\b[^.;]{0,40}\b(?:to|home)\b")
"""Sanctions and laws, or where the workers' pay goes: with no place and no head count, not a statement of where
workers are ("Hiring them violates sanctions", "Much of their pay goes to the state")."""

LEGAL_ACTION = re.compile(r"(?i)\b(?:charged|indicted|indictment|sanctioned|blacklisted|convicted|sentenced|"
                          r"extradited)\b")
"""People charged, sanctioned or sentenced: with no place named, a legal action, not where workers are."""

OTHER_SUBJECT = re.compile(
    r"^(?:(?:Several|Some|Many|Most|Few|None|All|One|Two|Three)\s+of\s+(?:the|its|their)\s+)?"
    r"(?:(?:The|Many|Most|Some|Several|Local|Foreign|Chinese|Western|American|European|Japanese|South\s+Korean|"
    r"Russian|Other)\s+)*(?:[A-Z][\w-]*['’]s\s+)?(?:[a-z-]+\s+)?(?i:importers?|buyers?|owners?|officials?|traders?|authority|"
    r"customers?|companies|firms|brands?|consulates?|embassy|embassies|ministry|"
    r"retailers?|authorities|police|governments?|lawmakers?|analysts?|experts?|researchers?|investigators?|diplomats?|"
    r"employers?|managers|diners|guests|tourists|shoppers|consumers)\b(?!\s+(?:there|here|at\s+the|in\s+the)\b)")
"""A sentence whose subject is someone other than the workers ("Importers named in shipping records said ...",
"Chinese factory owners value ..."): naming no place, it is no statement of where the workers are."""
UNAWARE = re.compile(r"^(?:(?:An?|The)\s+(?:[\w-]+\s+){0,3}(?:company|firm|brand|retailer|importer|buyer|maker|chain|"
                     r"supplier)|(?:Importers|Buyers|Retailers|Brands|Companies|Firms|Suppliers))\b[^.]*?\b(?:(?:had\s+|has\s+)?"
                     r"not\s+(?:been\s+)?aware|unaware|did\s+not\s+know|(?:would|will)\s+investigate)\b")
"""A buyer or maker saying it did not know of the workers ("A Japanese apparel company whose products were made at the
Dalian plant said it had not been aware of the workers"): about the buyer, not where workers are."""
NOT_SENT = re.compile(r"(?i)\b(?:has|have|had|did)\s+not\s+(?:\w+\s+)?(?:sent|dispatched)\b"
                      r"|(?:^|\bthat\s+)(?-i:No|no)\s+(?:North\s+Korean\s+)?(?:workers|laborers|labourers|North\s+Koreans)\b")
"""Workers not sent ("Pyongyang has not sent large new groups to China since"), or none there ("officials said that no
North Korean laborers hold permits in the province"): no statement without a head count."""
PAY_WORD = re.compile(r"(?i)^(?:wages?|salar(?:y|ies)|earnings|remittances?)$")
"""A word for pay: alone, with no North Korean and no head count, a sentence about pay levels, not about workers."""
MONEY = re.compile(r"(?i)(?:\$|\b(?:USD|RMB|yuan|dollars|euros)\s?)[\d,.]*\d|\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b|"
                   r"(?:yuan|dollars|euros|RMB|USD)\b)")
"""A sum of money or a share: what a sentence naming no place says about the workers' pay in general."""
CONTINENT = re.compile(r"\b(?:Europe|Africa|Asia|Latin\s+America|South\s+America|North\s+America|Oceania)\b")
"""A continent the gazetteer does not place: a sentence about one is not a general statement about China."""
FILED_FROM_ONLY = frozenset({"KR", "KP", "US", "JP", "GB", "CH", "BE", "FR", "DE", "HK", "SG", "TH"})
"""Countries a story is often filed from without workers there (Seoul, Washington, Geneva): their dateline does not
make a sentence that names no place a statement about them."""
FIGURE_BACK = re.compile(r"^(?:That|This|The\s+(?:figure|number|total|tally))\s+(?:is|was|has|had|compares|"
                         r"rose|fell|grew|dropped)\b")
"""A sentence that gives another figure for the number of the sentence before ("That is down from a peak of about
2,100 in 2013", "The figure was about 400 the year before"): at that sentence's places."""
SHIPPED_THROUGH = re.compile(r"(?i)\b(?:ship(?:s|ped|ping)|sold|sells?|export(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,3}"
                              r"(?:through|via)\s+(?:the\s+)?(?:port\s+of\s+)?$")
WORKSITE = r"(?:building\s+|construction\s+)?(?:sites|plants|factories|farms|mines|camps|projects|shipyards|yards)\b"
"""Workers "bound for building sites in Vladivostok": where they go to work, not a market for goods."""
QUOTED = re.compile(r"[,.?!][\"”]\s+(?:[\w'’-]+\s+){0,5}?(?:said|says|added|told)\b")
"""A quotation closed and attributed ("…," he said)."""
SITE = re.compile(r"(?i)\b(?:plants?|factor(?:y|ies)|workshops?|mills?|mines?|farms?|sites?|restaurants?|camps?)\b")
PAY = re.compile(r"(?i)\b(?:earn|earns|earned|paid|wages?|salar(?:y|ies))\b[^.;]{0,40}(?:\$|USD|yuan|RMB|dollars)")
