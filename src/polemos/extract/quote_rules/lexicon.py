"""Cue words of reported speech and belief, compiled once at import."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs whose subject is a source and whose clausal complement is what was said or held.
SPEECH_VERBS = _words(
    """
    say tell add note report write claim argue state explain insist warn announce acknowledge admit
    suggest declare recall respond reply tweet post assert contend predict estimate emphasize emphasise
    stress allege concede confirm deny reveal disclose testify complain boast brag joke quip remark
    observe point_out caution vow pledge promise threaten urge demand ask question wonder accuse charge
    blame criticize criticise praise describe call label dub conclude find show indicate suggest find
    believe think feel know expect hope fear worry reckon doubt agree disagree maintain reiterate repeat
    counter retort shout yell chant scream whisper mutter sing read continue tout trumpet muse lament
    speculate guess hint imply signal mention cite echo recount relate inform assure advise notify
    confide concur detail
    """
)

# Verbs whose object (with its complements) is the attributed content: "called X Y", "wants to ...".
OBJECT_VERBS = _words(
    """
    call cite want attack criticize criticise condemn blast slam praise urge support plan propose pledge vow
    promise demand seek refuse decline endorse oppose reject accuse blame describe question defend ask offer
    push back credit thank applaud dispute welcome hail mock label dub brand characterize characterise
    denounce decry rule recommend favor favour advocate predict estimate suggest deny acknowledge
    """
)

# Particles that belong to the cue: "called for", "called on", "pointed to".
CUE_PARTICLES = {"call": {"for", "on"}, "point": {"to"}, "push": {"for"}, "ask": {"for"}}

# Verbs that may introduce a direct quotation only (with a colon or adjacent quote).
QUOTE_ONLY_VERBS = frozenset({"continue", "read", "sing", "chant", "shout", "yell", "ask", "write"})

# Verbs that are cues only with a clausal complement (too common otherwise).
NEEDS_CLAUSE = _words(
    """
    find show indicate believe think feel know expect hope fear worry agree maintain continue read
    promise threaten signal hint imply guess speculate doubt reckon call ask question wonder describe
    mention cite echo counter feel
    """
)

# "as detailed by X", "as reported by X": passive cues whose agent is the source.
AGENT_CUES = frozenset({"detail", "report", "describe", "note", "write", "say", "tell", "explain", "quote"})

# Nouns that head "X's statement", "in a statement": reported-speech nominals.
CUE_NOUNS = frozenset(
    {"statement", "interview", "remarks", "comment", "comments", "tweet", "speech", "letter", "release"}
)

# Media words used to tell an outlet from a person in "X of OUTLET" and "told OUTLET".
OUTLET_WORDS = _words(
    """
    times post journal news tribune herald guardian telegraph reuters ap bloomberg cnn bbc fox msnbc nbc
    abc cbs npr politico axios yorker atlantic economist magazine newspaper gazette chronicle globe
    independent mail express mirror sun star observer review standard week weekly daily press wire
    insider breitbart huffpost hill examiner beast vox slate agence afp tass xinhua aljazeera jazeera
    radio television tv channel network
    """
)

PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
