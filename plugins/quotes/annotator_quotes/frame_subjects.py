"""Who speaks when the parser gives the cue no subject, or takes it from inside the quote.

Split from :mod:`frames`: these readings look only at the unquoted words between a quote's
closing mark and its cue ('“...,” William M. Daley, ..., said'; '“...,” said Robin Maynard') and
at the words after a cue, through the indexes a :class:`frames.FrameFinder` built once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from annotator_quotes.lexicon import SUBJECT_PRONOUNS
from annotator_quotes.marks import Region

if TYPE_CHECKING:
    from annotator_quotes.frames import FrameFinder

TRAILING_SUBJECT_MAX = 20  # tokens of a subject phrase between a quote's comma and its cue


def unquoted_subject(finder: FrameFinder, subject: Token | None, cue: Token, region: Region) -> Token | None:
    """The cue's subject, unless the parser took it from inside a quote ("We ...," Ramos said).

    Then the speaker is the head of the unquoted words between the quote and the cue; for a
    cue before the quote there is none (the speaker is then looked for in the paragraph).
    """
    if subject is None and cue.idx >= region.outer_end:
        return inverted_after(finder, cue, region) or _name_before_cue(finder, cue, region)
    if subject is None or not finder.quoted[subject.i]:
        return subject
    if cue.idx < region.outer_start:
        # 'telling reporters, “A lot of people said ...”': the words after the cue are its object.
        return None
    after = finder.first_token_from(region.outer_end)
    if after is None or after >= cue.i:
        return _nominal_head(finder.doc[cue.i + 1 : finder.sentence(cue.i)[1]], finder.quoted)
    return _nominal_head(finder.doc[after : cue.i], finder.quoted)


def inverted_after(finder: FrameFinder, cue: Token, region: Region) -> Token | None:
    """'“...,” said Robin Maynard, half joking.': the name after a cue that follows the quote.

    The parser may hang the name elsewhere (here as the subject of "joking"); it is the
    speaker when only punctuation stands between the closing mark and the cue.
    """
    after = finder.first_token_from(region.outer_end)
    if after is None or any(is_word(t) for t in finder.doc[after : cue.i]):
        return None
    end = cue.i + 1
    while end < len(finder.doc) and is_word(finder.doc[end]) and not finder.quoted[end]:
        end += 1
    return _nominal_head(finder.doc[cue.i + 1 : end], finder.quoted) if end > cue.i + 1 else None


def _name_before_cue(finder: FrameFinder, cue: Token, region: Region) -> Token | None:
    """'“...,” William M. Daley, Obama's former chief of staff, said': the name between mark and cue.

    When the parse gives the cue no subject, the unquoted words right after the closing mark
    and before the cue (on one line, none quoted) are the speaker's phrase: their first
    person or organisation named, else their first content word.
    """
    after = finder.first_token_from(region.outer_end)
    if after is not None and after == cue.i and after > 0 and finder.glued_past(after - 1, region):
        return finder.doc[after - 1]  # 'paranoia,”Clinton said': the name shares the quote's last token
    if after is None or after >= cue.i or cue.i - after > TRAILING_SUBJECT_MAX:
        return None
    if any(finder.quoted[i] for i in range(after, cue.i)) or finder.line_break_in(after, cue.i):
        return None
    stretch = finder.doc[after : cue.i]
    named = [t for t in stretch if t.ent_type_ in {"PERSON", "ORG"}]
    if named:
        first = named[0]
        end = first.i
        while end + 1 < cue.i and finder.doc[end + 1].ent_iob_ == "I":
            end += 1
        return finder.doc[end]
    return _nominal_head(stretch, finder.quoted)


OWN_REPORT = frozenset({"ccomp", "dobj", "acomp", "attr", "xcomp", "oprd"})


def reports_other(finder: FrameFinder, verb: Token, region: Region) -> bool:
    """Whether a verb after a quoted full sentence opens a sentence that reports something else.

    '"It shows a lack of character." Reid said both Rubio and Cruz are ...': a quote closed by a
    full stop ends its sentence, and the capitalised sentence after it, whose verb has a clause or
    object of its own (or a colon, introducing the next quote), is not its frame; the quote is
    a further part of the run before it. '“We won.” he said.' (lower case) is left alone.
    """
    if verb.idx < region.outer_end or region.close_at is None:
        return False
    if not finder.text[region.start : region.end].rstrip().endswith("."):
        return False
    after = finder.first_token_from(region.outer_end)
    while after is not None and after < len(finder.doc) and not is_word(finder.doc[after]):
        after += 1
    if after is None or after >= len(finder.doc) or not finder.doc[after].text[:1].isupper():
        return False
    own = any(c.dep_ in OWN_REPORT and c.i > verb.i and not finder.quoted[c.i] for c in verb.children)
    nxt = verb.i + 1 < len(finder.doc) and finder.doc[verb.i + 1].text == ":"
    return own or nxt


def is_word(token: Token) -> bool:
    """Not punctuation or white space."""
    return not (token.is_punct or token.is_space)


def _nominal_head(stretch: Span, quoted: list[bool]) -> Token | None:
    """The first unquoted name or content word of ``stretch`` whose head lies outside it (no tagger runs)."""
    nouns = [t for t in stretch if t.is_alpha and not quoted[t.i] and _nameish(t)]
    outer = [t for t in nouns if not stretch.start <= t.head.i < stretch.end]
    found = outer or nouns
    return found[0] if found else None


def _nameish(token: Token) -> bool:
    """A name, a personal pronoun or a content word: what can stand for a speaker."""
    return bool(token.ent_type_) or token.lower_ in SUBJECT_PRONOUNS or not token.is_stop
