"""Word lists: speech cues with their base forms, pronouns, titles, channels and news outlets."""

from __future__ import annotations

import re

# Base form -> inflected forms; a verb is a cue only in these forms (no lemmatizer needed).
_CUES = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "write": "write writes wrote writing written",
    "add": "add adds added adding",
    "warn": "warn warns warned warning",
    "state": "state states stated stating",
    "explain": "explain explains explained explaining",
    "declare": "declare declares declared declaring",
    "note": "note notes noted noting",
    "post": "post posts posted posting",
    "tweet": "tweet tweets tweeted tweeting",
    "insist": "insist insists insisted insisting",
    "argue": "argue argues argued arguing",
    "claim": "claim claims claimed claiming",
    "accuse": "accuse accuses accused accusing",
    "deny": "deny denies denied denying",
    "confirm": "confirm confirms confirmed confirming",
    "announce": "announce announces announced announcing",
    "report": "report reports reported reporting",
    "describe": "describe describes described describing",
    "urge": "urge urges urged urging",
    "ask": "ask asks asked asking",
    "reply": "reply replies replied replying",
    "respond": "respond responds responded responding",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
    "admit": "admit admits admitted admitting",
    "contend": "contend contends contended contending",
    "caution": "caution cautions cautioned cautioning",
    "vow": "vow vows vowed vowing",
    "threaten": "threaten threatens threatened threatening",
    "suggest": "suggest suggests suggested suggesting",
    "stress": "stress stresses stressed stressing",
    "emphasize": "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised",
    "believe": "believe believes believed",
    "allege": "allege alleges alleged alleging",
    "assert": "assert asserts asserted asserting",
    "maintain": "maintain maintains maintained",
    "blame": "blame blames blamed blaming",
    "reveal": "reveal reveals revealed revealing",
    "recall": "recall recalls recalled recalling",
    "agree": "agree agrees agreed",
    "predict": "predict predicts predicted predicting",
    "promise": "promise promises promised promising",
    "demand": "demand demands demanded demanding",
    "question": "question questions questioned",
    "complain": "complain complains complained complaining",
    "observe": "observe observes observed",
    "conclude": "conclude concludes concluded",
    "quip": "quip quips quipped",
    "shout": "shout shouts shouted",
    # Verbs that attribute a quote in news prose ("he continued", "Hollande retorted", "reads a sign").
    "continue": "continue continues continued",
    "echo": "echo echoes echoed",
    "exclaim": "exclaim exclaims exclaimed",
    "retort": "retort retorts retorted",
    "counter": "counter counters countered",
    "concede": "concede concedes conceded conceding",
    "remark": "remark remarks remarked",
    "reiterate": "reiterate reiterates reiterated reiterating",
    "proclaim": "proclaim proclaims proclaimed",
    "testify": "testify testifies testified testifying",
    "answer": "answer answers answered",
    "joke": "joke jokes joked joking",
    "boast": "boast boasts boasted boasting",
    "gloat": "gloat gloats gloated",
    "lament": "lament laments lamented lamenting",
    "scoff": "scoff scoffs scoffed",
    "yell": "yell yells yelled",
    "chant": "chant chants chanted chanting",
    "recount": "recount recounts recounted recounting",
    "affirm": "affirm affirms affirmed",
    "point": "point points pointed",
    "read": "read reads",
    "quote": "quote quotes quoted quoting",
}
CUE_LEMMAS: dict[str, str] = {form: base for base, forms in _CUES.items() for form in forms.split()}

# Cues that report a clause ("said that ...", "warned it could ...") rather than an act.
CLAUSAL = frozenset(CUE_LEMMAS) - {
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "urge",
    "urged",
    "urges",
    "urging",
    "blame",
    "blamed",
    "blames",
    "blaming",
    "describe",
    "described",
    "describes",
    "describing",
}
# Verbs whose "of"-complement is the reported content: "accused Kabul of harbouring militants".
OF_CUES = frozenset({"accuse", "warn", "blame"})

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
SINGULAR_PRONOUNS = frozenset({"he", "she"})

# Nouns that describe a speaking role; a definite description with one can name a known person.
ROLE_NOUNS = frozenset(
    """minister president spokesman spokeswoman spokesperson official officials analyst analysts
    expert experts journalist ambassador envoy general commander leader chief premier secretary
    senator governor diplomat diplomats adviser advisor director negotiator negotiators source sources
    researcher professor doctor mayor chancellor king queen prince author reporter correspondent""".split()
)

MEDIA_NAMES = (
    "Reuters",
    "AP",
    "AFP",
    "Bloomberg",
    "BBC",
    "CNN",
    "Al Jazeera",
    "Associated Press",
    "Agence France-Presse",
    "Dawn",
    "Geo News",
    "Fox News",
    "NPR",
    "Sky News",
    "The New York Times",
    "The Guardian",
    "The Washington Post",
    "Voice of America",
    "VOA",
    "Anadolu",
    "TOLOnews",
    "state media",
    "state television",
    "local media",
)

PLATFORMS = r"X|Twitter|Facebook|Instagram|Telegram|TikTok|YouTube|LinkedIn|Truth Social|Bluesky|Threads"
CHANNEL_PATTERNS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(rf"\b(?:on|via) (?:the )?(?:social media )?(?:platform )?({PLATFORMS})\b"), None),
    (re.compile(rf"\bin a (?:\w+ )?(?:post|tweet|message|video) on ({PLATFORMS})\b"), None),
    (re.compile(rf"\b({PLATFORMS}) post\b"), None),
    (
        re.compile(
            r"\b(?i:in|during|at) an? (?:\w+ )?(statement|interview|speech|press conference|news conference|"
            r"briefing|press briefing|letter|video|address|op-ed|column|podcast|televised address)\b"
        ),
        None,
    ),
    (re.compile(r"\b(?:on|to) (state television|state TV|television|state media|radio|local media)\b"), None),
)
ADDRESSEE_WORDS = r"reporters|journalists|lawmakers|parliament|supporters|the crowd|the audience|the media"
TO_ADDRESSEE = re.compile(rf"\b(?:to|told) ({ADDRESSEE_WORDS})\b")

# Heads of subjects that can be the source of reported speech.
SPEAKER_NOUNS = ROLE_NOUNS | frozenset(
    """side team delegation government army military ministry police spokesmen observers critics
    residents witnesses people leaders authorities administration embassy office agency group
    militants commission council court board committee statement report""".split()
)

# Nouns for what a message says: "Clinton's statement said", "the IMF report warns". The one whose
# message it is (the possessor, or the name compounded with the noun) is the speaker.
MESSAGE_NOUNS = frozenset(
    """statement response reply answer report post tweet tweets letter email e-mail memo message
    release slogan motto ad advertisement commercial video website caption dictum note column
    editorial speech remarks comments comment filing complaint lawsuit transcript announcement
    press-release notice order ruling decision opinion platform manifesto petition
    sign banner placard poster""".split()
)
