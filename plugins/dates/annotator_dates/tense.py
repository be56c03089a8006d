"""Which way a relative expression points, read from the tense of the verb that governs it.

"talks collapsed on Wednesday" -> past; "talks will resume on Wednesday" -> future; "the summit
opens on Monday" (present) -> the nearest. Needs the tagger (tense) and the parser (the governing
verb). Past is the news default when no verb decides.

On the way up to the verb, a word that looks ahead decides first: "payable Dec. 7", "effective Feb. 1",
"due to expire Friday" point to the future whatever tense the sentence has, as does a bare participle
of scheduling in a clause that is not past ("the summit set for April" is expected, while "the vote,
set for March 3, was moved" stays past; a bare "announced Friday" stays past). A month or a day of
a month that no verb governs, or that an infinitive under a past verb governs ("agreed to vote on
March 12": after the agreement, perhaps after the story), is read as the calendar's "present" (the
closest such day; a month within six months), since news omits the year only for dates close to
the story, unless the default is future. The layer runs with the tagger and parser only, so verbs
are told by their fine tags ("VBD", "MD"), not by ``pos_``.

A finite verb of planning in any tense governs the planned event's time ("protesters planned a rally
on Saturday", "has scheduled a briefing Thursday"); the past perfect stays past even under a word
that looks ahead ("had been due to expire Friday"); a passive present is the present ("when the case
is heard in May"); "as early as"/"as soon as" and "ahead of" look ahead.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from annotator_dates.calendar import Direction
from annotator_dates.tense_limits import across_quote, invariant_past

FUTURE_AUX = frozenset(
    {"will", "'ll", "’ll", "shall", "would", "wo", "must", "should", "may", "might", "can"}
)
# Verbs that move an event to a later time: "postponed until Saturday" is the coming Saturday.
# Stems, since the pipeline may run without a lemmatizer.
DEFERRING = ("postpon", "delay", "adjourn", "defer", "extend", "suspend", "reschedul", "push", "put", "halt",
             "clos", "ban", "froze", "freez", "extend", "recess", "give", "gave", "given")  # fmt: skip
UNTIL = frozenset({"until", "till", "til", "to", "through", "by"})
# Words that name a time ahead of the event they qualify: "payable Dec. 7", "due to expire Friday",
# "ahead of the weekend".
# ("deadline" is not one: "tendered by the Tuesday deadline" reports a deadline just passed.)
PROSPECTIVE = frozenset({"payable", "effective", "expire", "expires", "expiration", "due", "ahead"})
MONTH_WORD = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?!\w)")
WEEKDAY_WORD = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
NON_FINITE_DEPS = frozenset({"acl", "pcomp", "advcl", "pobj", "amod", "conj"})
# Verbs whose infinitive complement lies ahead: "are expected to meet", "plans to visit".
FUTURE_GOVERNORS = frozenset(
    {"expected", "set", "due", "scheduled", "planned", "plan", "plans", "going", "intend", "intends",
     "hope", "hopes", "aim", "aims", "slated", "poised", "likely", "ready", "prepared", "preparing",
     "vowed", "agreed"}
)  # fmt: skip
# Stems of the same governors in other forms: "were planning to drive", "is intending to".
FUTURE_STEMS = ("plan", "schedul", "intend", "expect", "prepar", "aim", "hop")
SCHEDULING = frozenset({"expected", "scheduled", "due", "set", "slated", "planned", "poised"})
# Stems of verbs of planning in any tense: "planned a rally on Saturday", "has scheduled a news
# conference Thursday", "the accession was planned for early March" name the planned event's time.
PLANNING = ("plan", "schedul", "slate")
# Verbs whose object is a date they fix: "has set Nov. 10 as the deadline", "named March 3 as the day".
FIXING = frozenset(
    {"set", "sets", "fix", "fixed", "fixes", "name", "named", "names", "pick", "picked", "picks", "choose",
     "chose", "chosen", "chooses"}
)  # fmt: skip
# "the record high set on Aug. 6" happened then: "set" schedules only with "for" or an infinitive.
HAPPENED_ON = frozenset({"on", "since"})
# Conjunctions of a clause of time that happens with its main clause (for "as": "as soon as").
TEMPORAL_MARKS = frozenset({"as", "once", "when", "until", "till", "before"})
COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "ccomp", "conj"})
PAST_TAGS = frozenset({"VBD", "VBN"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
MAX_HOPS = 4


def direction(parsed: Doc, start: int, end: int, default: Direction = "past") -> Direction:
    """The direction for the expression at ``start``-``end`` of ``parsed``; ``default`` when no verb decides.

    News defaults to the past; bare phrases with no verb (a calendar request, a search box) are
    better read with ``default="future"``, the ``direction`` option of the annotator.
    """
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return default
    root = span.root  # spaCy walks the span's heads on every read of ``root``: read it once
    if default == "past" and _attributive(span, root):
        return "present"  # "the Jan. 14 deadline", "a June agreement": the nearest such date
    verb = _governing_verb(root)
    if verb is not None and _bare_gerund(verb):
        verb = _governing_verb(verb) or verb  # "may be resolved in a hearing the week of March 6"
    if verb is not None and across_quote(span, verb):
        verb = None  # the quote's tense is the speaker's, not the narration's
    if _prospective_path(root) and not _past_perfect(verb):
        return "future"
    if _earliest(parsed, span.start):
        return "future"  # "could arrive as early as Tuesday": the earliest of times still ahead
    if verb is None:
        return "present" if default == "past" and _calendar_date(span.text) else default
    head = root.head
    if verb.lower_ in FIXING and head.i == verb.i and _fixed_as(span, verb):
        return "present"  # "has set Nov. 10 as the deadline": the nearest Nov. 10, ahead or just past
    if verb.lower_.startswith(DEFERRING) and _until(root, verb):
        return "future"
    scheduled = _scheduled(verb) and head.lower_ not in HAPPENED_ON
    found = _scheduled_direction(verb) if scheduled else _verb_direction(verb)
    if found == "past" and _planned(verb):
        return "future"  # "protesters planned a rally on Saturday": the rally is ahead
    if found == "past" and _temporal_clause_ahead(verb):
        return "future"  # "likely to buy as soon as trading opened Monday": the tense is backshifted
    if found == "past" and _infinitive(verb) and _calendar_date(span.text):
        return "present"  # "agreed to hold the vote on March 12": after the agreement, maybe after the story
    return found


def _fixed_as(span: Span, verb: Token) -> bool:
    """A day of a month a verb of fixing makes into something: "has set Nov. 10 as the deadline".

    The parser labels the date an adverbial (npadvmod) as often as an object, so "as" right after it
    tells the day named from the day the setting happened ("set a record Nov. 10").
    """
    after = span.end < len(span.doc) and span.doc[span.end].lower_ == "as"
    return after and span.root.dep_ in ("dobj", "npadvmod") and _calendar_date(span.text)


def _bare_gerund(verb: Token) -> bool:
    """A gerund with no auxiliary under another word ("resolved in a court hearing ..."): it has no tense.

    Its time is its clause's: "may be resolved at a hearing the week of March 6" looks ahead with
    "may", "after meeting on Monday, he resigned" back with "resigned".
    """
    if verb.tag_ != "VBG" or verb.dep_ not in NON_FINITE_DEPS:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _temporal_clause_ahead(verb: Token) -> bool:
    """A clause of time ("as soon as", "once", "when") under a main clause that looks ahead.

    In reported speech the clause of time takes the past with the rest ("were likely to buy its
    stock as soon as trading opened Monday"), but it happens when the main event does, ahead.
    """
    if verb.dep_ != "advcl":
        return False  # told before the verb's children are made into Tokens (docs/dates.md, post4)
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    if not marks or marks[0] not in TEMPORAL_MARKS:
        return False
    main = verb.head if _is_verb(verb.head) else _governing_verb(verb.head)
    return main is not None and _verb_direction(main) == "future"


def _attributive(span: Span, root: Token) -> bool:
    """A month or day of a month used as a modifier of a noun ("the Jan. 14 deadline")."""
    if root.dep_ not in ("compound", "nmod", "amod"):
        return False
    head = root.head  # each read of ``head`` makes a new Token
    return head.tag_.startswith("NN") and head.i > root.i and _calendar_date(span.text)


def _until(token: Token, verb: Token) -> bool:
    """Whether the expression hangs from the verb through "until"/"by" ("until 9 a.m. Tuesday")."""
    current = token
    for _ in range(MAX_HOPS):
        if current.head is current or current.head.i == verb.i:
            return current.lower_ in UNTIL
        current = current.head
    return False


def _earliest(parsed: Doc, start: int) -> bool:
    """Whether "as early as" or "as soon as" stands just before the token at ``start``."""
    if start < 3 or parsed[start - 1].lower_ != "as":
        return False  # the common case, told without slicing the Doc into a Span of three tokens
    words = [t.lower_ for t in parsed[start - 3 : start]]
    return len(words) == 3 and words[0] == "as" and words[1] in ("early", "soon") and words[2] == "as"


def _past_perfect(verb: Token | None) -> bool:
    """Whether the verb, or one it complements, is in the past perfect ("had been due to expire")."""
    current = verb
    for _ in range(MAX_HOPS if verb is not None else 0):
        assert current is not None
        if any(c.lower_ in ("had", "'d", "’d") and c.dep_ == "aux" for c in current.children):
            return True
        if current.head is current or current.dep_ not in COMPLEMENT_DEPS:
            return False
        current = current.head
    return False


def _planned(verb: Token) -> bool:
    """A finite verb of planning not in the past perfect: what it governs is the planned event's time.

    A bare past participle follows its clause instead ("a service planned for Saturday was canceled");
    a gerund looks ahead ("planning for the summit in April").
    """
    if not verb.lower_.startswith(PLANNING):
        return False  # the common case, told before the verb's children are read
    auxed = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    finite = verb.dep_ not in NON_FINITE_DEPS or auxed or verb.tag_ == "VBG"
    return finite and not _past_perfect(verb)


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)


def _calendar_date(text: str) -> bool:
    """A month or a day of a month ("April", "Dec. 7"), not a weekday ("Friday, Dec. 7")."""
    return bool(MONTH_WORD.search(text)) and not WEEKDAY_WORD.search(text)


def _prospective_path(token: Token) -> bool:
    """Whether a word that looks ahead stands between the expression and its verb ("payable Dec. 7")."""
    current = token
    for _ in range(MAX_HOPS):
        if current.head is current:
            return False
        current = current.head
        if current.lower_ in PROSPECTIVE:
            return True
        if _is_verb(current) and current.lower_ not in PROSPECTIVE:
            return False
    return False


def _scheduled_direction(verb: Token) -> Direction:
    """ "a summit set for April" looks ahead, unless the clause it sits in is past ("..., was moved")."""
    above = _governing_verb(verb)
    inner = _verb_direction(above) if above is not None else "future"
    return "past" if inner == "past" else "future"


def _scheduled(verb: Token) -> bool:
    """A bare participle of scheduling: "the summit set for April", "talks scheduled for Friday"."""
    if verb.tag_ != "VBN" or verb.lower_ not in SCHEDULING or verb.dep_ not in NON_FINITE_DEPS:
        return False  # the verb's own attributes first: its children are made into Tokens one by one
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _is_verb(token: Token) -> bool:
    """A verb or auxiliary, by the coarse tag when the pipeline maps one, else by the fine tag.

    The dates layer needs only the tagger and the parser, so ``pos_`` may be empty: the fine tag
    ("VBD", "MD") is always there.
    """
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.tag_ == "MD"


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb up the dependency tree from the expression."""
    current = token
    for _ in range(MAX_HOPS):
        if current.head is current:
            return current if _is_verb(current) else None
        current = current.head
        if _is_verb(current):
            return current
    return None


def _verb_direction(verb: Token) -> Direction:
    """Tense of ``verb`` with its auxiliaries, and of the verb it complements when it is an infinitive."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if any(a.tag_ in PAST_TAGS or a.lower_ in ("had", "has", "have") for a in auxes):
        return "past"
    if verb.lower_ in SCHEDULING and any(a.tag_ in PRESENT_TAGS for a in auxes):
        return "future"  # "is expected on Thursday", "is scheduled for Nov. 3"
    infinitive = verb.tag_ == "VB" or (verb.tag_ == "VBN" and any(a.lower_ == "be" for a in auxes))
    if infinitive and any(a.lower_ == "to" for a in auxes):  # "to meet", "to be published"
        return _infinitive_direction(verb)
    if verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in PRESENT_TAGS for a in auxes):
        return "present"  # "when the case is heard in May": a passive in the present
    if verb.tag_ in PAST_TAGS or invariant_past(verb):
        return "past"
    if verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "'s", "’s", "am") for a in auxes):
        return "future"
    if verb.tag_ in PRESENT_TAGS or any(a.tag_ in PRESENT_TAGS for a in auxes):
        return "present"
    return "past"


def _infinitive_direction(verb: Token) -> Direction:
    """ "expected to meet on Friday" looks ahead; "failed to agree on Friday" follows the governor."""
    governor = verb.head
    if governor is verb:
        return "future"
    if _past_perfect(governor):
        return "past"  # "had been scheduled to expire at midnight Friday"
    if governor.lower_ in FUTURE_GOVERNORS or governor.lower_.startswith(FUTURE_STEMS):
        return "future"
    if governor.tag_.startswith("JJ"):  # "made it difficult to meet demand into the summer"
        governor = _governing_verb(governor) or governor
    if _is_verb(governor):
        inner = _verb_direction(governor)
        return "future" if inner == "present" else inner
    return "future"
