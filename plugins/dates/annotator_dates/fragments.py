"""Regular-expression pieces shared by the rules (compiled once, in the rule modules)."""

from __future__ import annotations

# Any case ("march 3", "MAY 2024"); the handlers ask a lower-case name that is also a word
# ("may", "march") for a day, a year or a cue, and never take one the tagger reads as a verb.
MONTH = (
    r"(?P<month>(?i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?))"
    r"(?![A-Za-z])"
)
ORDINAL_DAY = (
    r"(?i:thirty[-\s]first|thirtieth|twenty[-\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth)|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth|fourteenth|thirteenth"
    r"|twelfth|eleventh|tenth|ninth|eighth|seventh|sixth|fifth|fourth|third|second|first)"
)
DAY = rf"(?:(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?|(?P<dayword>{ORDINAL_DAY}))(?!\w|:\d)"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d|[.,]\d)"  # not an index level ("closed at 2082.1")
WEEKDAY_NAME = r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Abbreviations ("Tue", "thu.") only where a date follows or a cue precedes (rules_relative).
WEEKDAY = (
    rf"(?P<weekday>{WEEKDAY_NAME}|(?P<abbr>(?i:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun))(?:\.|(?![\w'’])))"
)
POSITION = (
    r"(?:(?P<pos>(?i:early|earlier|late|later|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|the\s+end\s+of))\s+(?:(?i:in|on)\s+)?|(?P<mid>(?i:mid))(?:-|\s+))"
)
CUE = r"(?:(?P<cue>(?i:last|next|this|coming|past|previous|current))\s+)"
PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))"
NUMBER = (
    r"(?P<num>(?<!\d,)\d+(?:\.\d+)?|(?i:half\s+an?|a\s+few|a\s+couple\s+of|couple\s+of|dozens\s+of|several|few|many"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|an?))"
)
UNIT = (
    r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?"
    r"|centur(?:y|ies)|hrs?|mins?|secs?|yrs?))"
)
QUANT = (
    r"(?:(?P<quant>(?i:nearly|almost|about|around|roughly|some|approximately|an\s+estimated|close\s+to"
    r"|more\s+than|upwards\s+of|over|less\s+than|fewer\s+than|just\s+under|under|at\s+least|at\s+most"
    r"|up\s+to|no\s+more\s+than))\s+)"
)
