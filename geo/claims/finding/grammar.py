"""The patterns of English news that the claims' Reader reads a sentence with: appositives and relative
clauses between a place and a cue, descriptions that stand for a place ("the town", "the regional
capital"), datelines, and what may lead up to an anchor ("the Russian-held city of"). Module-level
compiled patterns, shared by :mod:`geo.claims.finding.reader` and the finders."""
from __future__ import annotations

import re

from geo.claims.finding.words import PLACE_NOUN, QUALIFIER, SETTLEMENT_NOUN

_I = re.IGNORECASE

#: What may stand between a subject mention and its cue.
APPOSITIVE = re.compile(rf"""^(?:
    \s*                                                       # "Kupiansk farther north", "BuchaNear Kyiv"
  | \s+(?:coast|coastline|shore|regions|districts|areas|borough|parish|raion|rayon|resort|(?:refugee\s+)?camp|{PLACE_NOUN})\s*
  | \s+(?:coast|coastline|shore)\s*,\s*                      # "on Syria's Mediterranean coast, about 230 km north of"
  | \s*,\s*                                                   # "Bucha, near Kyiv"
  | \s*,?\s*\(\s*                                             # "Sanford, Florida (near Orlando)"
  | \s*,\s*(?:a|an|the|this)\s+(?:[\w’'-]+\s+){{0,3}}?{PLACE_NOUN}\s*,?\s*   # ", a tiny agricultural village"
  | ['’]s\s+(?:[\w’'-]+\s+){{0,3}}?(?:coast|coastline|seaboard)\s*,\s*         # "on Syria's Mediterranean coast, "
  | \s+(?:is|lies|sits|was|lay|stands)\s+(?:located\s+|situated\s+)?           # "Izium lies"
)$""", _I | re.X)
#: The article of a description before a place that qualifies its noun: ", a [Black Sea] port".
A_DESCRIBED = re.compile(r",\s*(?:a|an)\s+$")
#: A country's or a region's possessive describing the place before it: "Haifa, Israel's third-largest city, ",
#: "Guayaquil, Ecuador's largest city and main port, ".
POSSESSED_DESCRIPTION = re.compile(rf"^['’]s\s+(?:[\w’'-]+\s+){{0,3}}?{PLACE_NOUN}"
                                   rf"(?:\s+and\s+(?:[\w’'-]+\s+){{0,3}}?{PLACE_NOUN})?\s*,\s*$", _I)
#: What says a cue is said of each place a list before it names: "A and B, both south-east of", "which are both".
BOTH_BEFORE = re.compile(r",\s*(?:(?:which|that)\s+(?:are|were|lie)\s+)?(?:both|all|each)\s+"
                         r"(?:(?:located|lying|situated|some|about|around|roughly)\s+)?$", _I)
#: A longer appositive or relative clause: a comma, or a linking verb, then words naming no place.
LONG_APPOSITIVE = re.compile(r"""^(?:
    \s*,\s*+(?:a|an|the|this|which|that|located|situated|based|lying|some|about|around|roughly|only|just|approximately|
              nearly|almost|home|population|now|once|formerly|itself|where|on|along|off|just|
              deep|high|far|right|well|inside|close|across)\b[^.;:!?()\[\]"“”]{0,140}?   # ", deep in the Amazon"
  | \s+(?:is|lies|sits|was|lay|stands|remains|located|situated|based)\b[^.;:!?()\[\],"“”]{0,60}?
  | \s+(?:that|which)\s+(?:is|are|was|were|lies|lie|sits|sit|stands|stand)\b[^.;:!?()\[\],"“”]{0,100}?  # "X that are also new communities on"
  | \s+and\s+(?:other|several|many|some|nearby|neighbouring|neighboring)\s+[^.;:!?()\[\],"“”]{0,60}?  # "X and other towns along"
)$""", re.IGNORECASE | re.X)
#: What calls the place before it a settlement, or the place after it.
CALLED_AFTER = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:city|town|village|settlement|hamlet|port)\b", re.I)
CALLED_BEFORE = re.compile(r"\b(?:city|cities|towns?|villages?|settlements?|hamlets?)\s+of\s+$", re.I)
#: The end of an appositive or relative clause before a cue: "..., had", "..., lies", "..., borders".
CLAUSE_CLOSED = re.compile(r",\s*(?:(?:which|that)\s+)?(?:(?:is|lies|sits|was|lay|stands|remains|has|had|have|borders?|"
                            r"shares?|located|situated)\s+)?(?:located\s+|situated\s+)?$", re.IGNORECASE)
#: What may open a sentence before its head place: "The", "The front-line town of", "In".
HEAD_LEAD = re.compile(r"(?:(?:The|the|A|a)\s+(?:[\w’'-]+\s+){0,3}?(?:of\s+)?)?")
#: What follows the head place: its comma (a kind word may come first: "The Kursk region,").
HEAD_COMMA = re.compile(r"(?:\s+(?:region|province|oblast|state|district|county|city|town|village))?\s*,", re.IGNORECASE)
#: Words a clause may not hold if the place before it is its subject: another verb phrase's subject.
CLAUSE_BREAK = re.compile(r"\b(?:said|says|told|according|when|while|because|and\s+(?:the|a|an)\b"
                           r"|(?:after|before)(?!\s+(?:the|a|an|its|their)\s))", _I)   # ("before the war" is no clause)
#: "X, a village in the", "X, a town of the": the place before a container's name.
HELD_IN = re.compile(rf"\s*,\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?{PLACE_NOUN}\s+(?:in|of)\s+(?:the\s+)?"
                     rf"(?:(?:[\w’'-]+\s+){{0,2}}?{PLACE_NOUN}\s+of\s+(?:the\s+)?)?", re.I)   # "the capital of the breakaway region of"
#: A determiner and lowercase words right before a cue: a thing described, not named.
UNNAMED = re.compile(r"(?:^|(?<=\s))((?:a|an|the|some|other|its|their|this|that|(?-i:[A-Z])[\w’'-]*['’]s)\s+)"
                      r"(?:(?-i:[a-z])[\w’'-]*\s+){1,3}$", re.I)   # (also a possessor's: "Block's residence")
#: A definite settlement noun ending the text before a cue: "the village", "the small town".
THE_PLACE = re.compile(rf"(?:^|\s)(?:the|this|that)\s+(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{SETTLEMENT_NOUN}|region|province)"
                       rf"(?:\s+of\s+(?:{QUALIFIER}\s+)?[\d][\d,.]*(?:\s+(?:million|thousand))?\s+(?:people|residents|inhabitants))?"   # "the town of about 30,000 people"
                       rf"\s*,?\s*"
                        rf"(?:(?:which|that)\s+)?(?:(?:is|lies|sits|was)\s+(?:located\s+|situated\s+)?)?$", _I)
#: A sentence that opens with "It" and a verb of lying before a cue: "It lies about 600 km north of" (the
#: pronoun stands for a settlement named before, as "the town" would).
IT_PLACE = re.compile(r"\s*It\s+(?:(?:is|lies|sits|was)\s+(?:located\s+|situated\s+)?)$")
#: An indefinite one: "a village 37 miles east of" (the place a dateline names).
A_PLACE = re.compile(rf"(?:^|\s)(?:a|an)\s+(?:[\w’'-]+\s+){{0,3}}?{SETTLEMENT_NOUN}\s*,?\s*$", _I)
#: A name in capitals opening a dateline with no country: "TALLINN (Reuters) -", "KYIV -".
DATELINE_WORD = re.compile(r"(?-i:(?P<name>[A-ZÀ-Ý][A-ZÀ-Ý’'./ -]+))\s*(?:\([^)]{1,20}\)\s*)?[-–—]")
#: A dateline: "ZALIZNYCHNE, Ukraine - ", "KYIV/HRAKOVE, Ukraine —", "CARTHAGE, N.C. (AP) -" at a line's start.
DATELINE = re.compile(r"(?m)(?:^|(?<=[.!?]\s))[ \t]*(?P<places>[A-ZÀ-Ý][A-ZÀ-Ý’'./ \-]+?)\s*,\s*[A-Z][\w’'. ]{1,30}?[\s\u00a0]*"
                       r"(?:\([^)]{1,20}\)|[-–—])")
#: What may stand between a cue and its anchor: "the besieged port city of", "the breakaway region's capital".
ANCHOR_LEAD = re.compile(rf"""\s*(?:
    (?:the\s+|its\s+)?(?:(?:[a-z][\w’'-]*|[A-Z][\w’']*-[a-z][\w’'-]*)\s+){{0,3}}?{PLACE_NOUN}\s+of\s+(?:the\s+)?   # "the Russian-held city of"
  | (?:the\s+|its\s+)(?:[\w’'-]+\s+){{0,3}}?(?:capital|city|town|village|port)\s*,?\s+
  | the\s+
)""", re.X)
#: "the capital", "the Canadian capital", "the country's capital", not followed by a name or "of".
THE_CAPITAL = re.compile(r"\s*(?:the|its|their)\s+(?:(?:country|nation)['’]s\s+|(?P<demonym>(?-i:[A-Z][\w’'-]+))\s+)?capital\b"
                          r"(?!\s*(?:,\s*)?(?-i:[A-Z])|\s+(?:of|city)\b)", re.I)
#: "the city", "the town" as an anchor, not followed by a name, "of" or a possessive.
THE_SETTLEMENT = re.compile(r"\s*the\s+(?:city|town)\b(?!\s*(?:,\s*)?(?-i:[A-Z])|\s+of\b|['’])", re.I)
#: "the regional capital", "the provincial capital", not followed by a name or "of".
THE_REGIONAL_CAPITAL = re.compile(r"\s*(?:the|its)\s+(?:regional|provincial|state|oblast)\s+capital\b"
                                   r"(?!\s*(?:,\s*)?(?-i:[A-Z])|\s+(?:of|city)\b)", re.I)
TITLE_BEFORE = re.compile(r"(?-i:\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lady|Lord|Gen|General|President|Senator|Sen|Gov|Governor|Judge|"
                           r"Rev|Prof|Captain|Capt|Col|Lt|Sgt|St)\b)\.?\s+$")
THE_BEFORE = re.compile(r"(?-i:\bthe)\s+$")
NAME_GOES_ON = re.compile(r"[ \t\u00a0]+(?!(?:Region|Regions|Oblast|Province|River|Raion|Rayon|District|City|Republic|"
                           r"Peninsula|Basin|State|County|Governorate)\b)(?-i:[A-Z])[\w’'-]*")
LIST_SEPARATOR = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|/)\s*$", _I)
#: A preposition that makes the place after it where something lies ("on the Oskil River", "in the Donetsk region",
#: "on the banks of the Euphrates", "near the border with Somalia": the place qualifies the place before it).
PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|along|by|off|at|near|across)\s+(?:the\s+|(?-i:[A-Z])[\w’'-]*['’]s\s+)?"
                                r"(?:[\w-]+\s+(?:(?:of|with)\s+(?:the\s+)?)?)?$", re.I)   # ("in the Canadian Rockies")
#: A determiner and a lowercase noun: a description, not a name ("The city", "the town").
DESCRIPTION = re.compile(r"(?:the|a|an|this|that)\s+(?-i:[a-z])[\w’'-]*", re.I)
#: What joins a named place to the class it is one of: "Qamishli and other towns".
AND_OTHERS = re.compile(r"\s+and\s+(?:other|several|many|some)\s+", re.I)
#: A generic word after a name that the gazetteer lists without it: "Oakport Township" is Oakport's.
GENERIC_TAIL = re.compile(r"\s+(?:Township|Borough|Parish|Municipality|Village|City)$")
#: The claim types whose modifier may be said of the sentence's subject rather than the place before its comma.
READ_OTHERWISE = frozenset({"distance_direction", "direction", "near", "proximity", "border_proximity"})
COMMA_AFTER = re.compile(r"\s*,")
#: A lower-case word right before a place: the place is a verb's or a preposition's object ("linking Donetsk with Dnipro").
OBJECT_BEFORE = re.compile(r"\b(?-i:[a-z])[\w’'-]*\s+$")
#: How far into its sentence (characters) a place may open it; "The town", "The city" opening one.
OPENING_REACH = 40
OPENING_DESCRIPTION = re.compile(rf"\s*(?:The|This)\s+(?:[\w’'-]+\s+){{0,2}}?{SETTLEMENT_NOUN}\b")
#: A sentence opening with a thing described, not a place: "The epicenter", "The attack", "An explosion".
OPENING_THING = re.compile(r"\s*(?:The|An?|This)\s+(?:(?-i:[a-z])[\w’'-]*\s+){0,2}?(?-i:[a-z])[\w’'-]*(?=\s+(?:was|is|lay|lies|"
                            r"struck|hit|occurred|happened|took|came)\b)")
