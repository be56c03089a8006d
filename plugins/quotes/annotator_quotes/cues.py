"""What a speech cue tells us: its extent and base form, its subject, channel, addressee and clause."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from annotator_quotes.columns import sorted_ids, tokens_with
from annotator_quotes.lexicon import (
    CHANNEL_PATTERNS,
    CLAUSAL,
    CUE_LEMMAS,
    MEDIA_NAMES,
    OF_CUES,
    TO_ADDRESSEE,
)
from annotator_quotes.model import Cue

# Dependency labels of a verb heading a clause; a cue word elsewhere ("a stark warning") is a noun.
VERB_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "xcomp", "relcl", "acl", "parataxis", "pcomp"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CLIMB = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "prep", "pobj", "dobj"})
CLIMB_STEPS = (
    5  # "blasted out an email to supporters stating ...": stating > supporters > to > email > blasted
)
# Cues that attribute only with their particle ("pointed out", not "pointed to the map").
PARTICLE_CUES = {"point": "out"}
EDGE_JUNK = frozenset({"that", "mark", "punct"})
# The lowercase forms a cue can have, as the string ids spaCy stores in a Doc's LOWER column.
CUE_WORD_IDS = sorted_ids({get_string_id(word) for word in [*CUE_LEMMAS, "according"]})


def is_cue(token: Token) -> bool:
    """Whether ``token`` is a speech verb heading a clause, or the 'according' of 'according to'."""
    if is_according(token):
        return True
    if token.lower_ not in CUE_LEMMAS or not (token.dep_ in VERB_DEPS or _gerund_with_subject(token)):
        return False
    particle = PARTICLE_CUES.get(CUE_LEMMAS[token.lower_])
    return particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


def _gerund_with_subject(token: Token) -> bool:
    """'footage of Trump saying, “...”': a gerund the parse makes a noun, with a subject of its own."""
    return token.lower_.endswith("ing") and any(c.dep_ == "nsubj" for c in token.children)


def is_according(token: Token) -> bool:
    """'according' followed by 'to'; the word is checked first, so most tokens build no neighbour."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return False
    return token.nbor(1).lower_ == "to"


def cue_indices(doc: Doc) -> list[int]:
    """The indices of the tokens that are cues (see ``is_cue``), in order.

    Only a token whose lowercase form is a cue word can be a cue, so the candidates are picked by one
    vectorised read of the LOWER column and only they become Token objects (spaCy makes a new one per access).
    """
    return [i for i in tokens_with(doc, "LOWER", CUE_WORD_IDS) if is_cue(doc[i])]


def cue_of(token: Token) -> Cue:
    """The cue's extent ('according to', 'pointed out') and base form."""
    doc = token.doc
    end = token.i + 1
    if is_according(token):
        end = token.i + 2
    else:
        particles = [c.i for c in token.rights if c.dep_ == "prt"]
        end = max([end, *[p + 1 for p in particles if p <= token.i + 2]])
    span = doc[token.i : end]
    # A verb found by the parse alone ("barked", see openframes) is its own base form.
    base = CUE_LEMMAS.get(token.lower_, token.lemma_ or token.lower_)
    lemma = "according to" if is_according(token) else base
    return Cue(start=span.start_char, end=span.end_char, text=span.text, lemma=lemma)


def subject_of(cue: Token) -> Token | None:
    """The subject of the cue, or of the verb a participle cue hangs from ('..., saying ...')."""
    if is_according(cue):
        to = cue.nbor(1)
        objs = [c for c in [*cue.children, *to.children] if c.dep_ == "pobj"]
        return objs[0] if objs else None
    if _named_participle_head(cue):
        return cue.nbor(-1)
    verb = _speaking_ancestor(cue) or cue
    for _ in range(CLIMB_STEPS):
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subj:
            return min(subj, key=lambda c: abs(c.i - verb.i))
        inverted = _inverted_subject(verb) if verb.i == cue.i else None
        if inverted is not None:
            return inverted
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        if verb.dep_ not in CLIMB or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _named_participle_head(cue: Token) -> bool:
    """'footage of Hillary Clinton asking, “...”': a participle cue right after a name is the name's.

    Whatever the parse makes of it (a clause of the main verb, a modifier of the name), a
    participle with no subject of its own that follows a person or organisation at once
    describes that name speaking, while its sentence has another subject ("The ad uses ...").
    A comma or a word in between ("criticized Clinton, saying"; "thanked Obama for saying"), or a
    name that is the object or the addressee, leaves it to the subject of the clause.
    """
    if not cue.lower_.endswith("ing") or cue.i == 0 or any(c.dep_ in SUBJECTS for c in cue.children):
        return False
    name = cue.nbor(-1)
    if name.ent_type_ not in {"PERSON", "ORG"} or cue.ent_iob_ == "I" or not name.text[:1].isupper():
        return False
    # 'wrote a letter to Loretta Lynch asking ...': the addressee of a message does not speak.
    addressed = name.dep_ == "pobj" and name.head.lower_ in {"to", "for", "with"}
    return not addressed and name.dep_ not in {"dobj", "dative"}


def _speaking_ancestor(cue: Token) -> Token | None:
    """For '..., adding, “...”': the nearest cue above a participle cue ("told"), whose subject speaks.

    The parse may hang "adding" inside the reported clause ("Romney had ..., adding"); the speaker
    is the subject of the speech verb above it, not of the clause in between.
    """
    if not cue.lower_.endswith("ing") or any(c.dep_ in SUBJECTS for c in cue.children):
        return None  # "with the Afghan side claiming ...": the participle has its own subject
    node = cue
    for _ in range(CLIMB_STEPS):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.lower_ in CUE_LEMMAS and node.dep_ in VERB_DEPS and node.i < cue.i:
            return node  # before the participle: a "said" after it is the quote's own verb
    return None


def _inverted_subject(cue: Token) -> Token | None:
    """A speaker the parser left as an object after an inverted cue ('..., recalled Zainab Bibi')."""
    if (
        CUE_LEMMAS.get(cue.lower_) == "tell"
        or cue.i == 0
        or cue.nbor(-1).text not in {",", "”", '"', "’", "'", "''"}
    ):
        return None
    after = [
        c
        for c in cue.rights
        if c.dep_ in {"dobj", "attr", "npadvmod", "oprd", "dative"} and c.ent_type_ not in {"DATE", "TIME"}
    ]
    return after[0] if after else None


def addressee_of(cue: Token) -> str | None:
    """Who the cue addresses: the object of 'told', or the object of 'to' after a speech verb."""
    lemma = CUE_LEMMAS.get(cue.lower_)
    for child in cue.children:
        if lemma == "tell" and child.dep_ in {"dobj", "dative"}:
            return child.doc[child.left_edge.i : child.i + 1].text
        if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0].doc[objs[0].left_edge.i : objs[0].i + 1].text
    return None


def channel_in(frame: str, addressee: str | None) -> str | None:
    """The medium named in the attribution frame: a platform, 'statement', or a news outlet told."""
    for pattern, _ in CHANNEL_PATTERNS:
        match = pattern.search(frame)
        if match:
            return match.group(1)
    if addressee is not None:
        bare = addressee.removeprefix("the ").removeprefix("The ")
        if any(bare == name or bare == name.removeprefix("The ") for name in MEDIA_NAMES):
            return bare
    return None


def addressee_in(frame: str) -> str | None:
    """An addressee named by a fixed phrase ('to reporters') when the parse gave none."""
    match = TO_ADDRESSEE.search(frame)
    return match.group(1) if match else None


def reported_clause(cue: Token) -> tuple[int, int] | None:
    """Token range [start, end) of what the cue reports: its clause, or 'X of doing Y' after 'accuse'."""
    if is_according(cue):
        return None
    if cue.lower_ in CLAUSAL:
        for child in cue.children:
            if child.dep_ == "ccomp":
                return _trim(child.left_edge.i, child.right_edge.i + 1, cue)
    if CUE_LEMMAS.get(cue.lower_) in OF_CUES:
        return _of_complement(cue)
    return None


def _of_complement(cue: Token) -> tuple[int, int] | None:
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    of = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and obj is not None:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or not any(c.dep_ == "pcomp" for c in of.children):
        return None
    start = obj.left_edge.i if obj is not None else of.i + 1
    return _trim(start, of.right_edge.i + 1, cue)


def _trim(start: int, end: int, cue: Token) -> tuple[int, int] | None:
    """Drop a leading 'that' and edge punctuation; never include the cue itself."""
    doc = cue.doc
    while start < end and (doc[start].lower_ == "that" and doc[start].dep_ == "mark" or _junk(doc[start])):
        start += 1
    while end > start and _junk(doc[end - 1]):
        end -= 1
    if start >= end or start <= cue.i < end:
        return None
    return start, end


def _junk(token: Token) -> bool:
    return token.is_space or (token.is_punct and token.text not in "“”\"'‘’«»")
