"""Regular-expression pieces shared by the rules (compiled once, in the rule modules)."""

from __future__ import annotations

MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])"
)
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?![\d])"
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
POSITION = (
    r"(?:(?P<pos>(?i:early|earlier|late|later|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|the\s+end\s+of))\s+(?:(?i:in|on)\s+)?|(?P<mid>(?i:mid))(?:-|\s+))"
)
CUE = r"(?:(?P<cue>(?i:last|next|this|coming|past|previous|current))\s+)"
PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))"
NUMBER = (
    r"(?P<num>\d+(?:\.\d+)?|(?i:half\s+an?|a\s+few|a\s+couple\s+of|couple\s+of|dozens\s+of|several|few|many"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|an?))"
)
UNIT = (
    r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?"
    r"|centur(?:y|ies)))"
)
QUANT = (
    r"(?:(?P<quant>(?i:nearly|almost|about|around|roughly|some|approximately|an\s+estimated|close\s+to"
    r"|more\s+than|upwards\s+of|over|less\s+than|fewer\s+than|just\s+under|under|at\s+least|at\s+most"
    r"|up\s+to|no\s+more\s+than))\s+)"
)
