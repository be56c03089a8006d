"""Evidence against a mention in a title-case heading, where capitals do not mark names.

"Clashes and Ceasefire Breakdown" capitalises common words; "Pakistan Blames Kabul" and
"May 13 Arrive in London" hold real names. A heading's mention is turned away only when
everything speaks against it: the model did not call it a place or a people, the document does
not name it anywhere else, and each of its words is a common English word. Common words are
the noun, verb and adjective index of the pipeline's own lemmatizer tables (WordNet's lemmas),
so no word list is kept here; a pipeline without them turns nothing away.
"""

from __future__ import annotations

from spacy.language import Language

from annotator_entities.mentions import Mention

KEPT_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
INFLECTIONS = ("s", "es", "ed", "ing", "d")


def common_words(nlp: Language) -> frozenset[str]:
    """The lemmatizer's index of nouns, verbs and adjectives, hyphens removed ("ceasefire")."""
    if "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in ("noun", "verb", "adj"):
        if pos in index:
            words.update(w.replace("-", "").replace("_", " ") for w in index[pos])
    return frozenset(words)


def is_common(word: str, common: frozenset[str]) -> bool:
    """Whether ``word`` (any case) is a common word or an inflection of one ("Clashes", "Blames")."""
    w = word.lower().replace("-", "")
    return w in common or any(w.endswith(s) and w[: -len(s)] in common for s in INFLECTIONS)


def against(m: Mention, text: str, common: frozenset[str]) -> bool:
    """Whether a heading mention is common words capitalised, with no other support in the text."""
    if m.label in KEPT_LABELS or not common or text.count(m.text) > 1:
        return False
    words = [w for w in m.text.split() if any(ch.isalpha() for ch in w)]
    return bool(words) and all(is_common(w, common) for w in words)
