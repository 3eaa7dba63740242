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
    confide concur detail point
    """
)

# Verbs whose object (with its complements) is the attributed content: "called X Y", "wants to ...".
OBJECT_VERBS = _words(
    """
    call cite want attack criticize criticise condemn blast slam praise urge support plan propose pledge vow
    promise demand seek refuse decline endorse oppose reject accuse blame describe question defend ask offer
    push back credit thank applaud dispute welcome hail mock label dub brand characterize characterise
    denounce decry rule recommend favor favour advocate predict estimate suggest deny acknowledge
    talk speak complain warn argue worry rail lash weigh double seize focus bristle joke boast brag
    tweet write comment reflect elaborate insist lay sum apologize testify
    note find mention reveal indicate show tout announce confirm disclose unveil highlight emphasize
    stress express voice discuss consider encourage reference promote view identify examine ignore
    address debate compare invoke decide hope expect plan intend insist vow see understand learn
    recognize love like despise bemoan downplay liken judge comprehend paint persuade convince
    agree point vote
    """
)

# Every verb that can head a cue, speech or object.
CUE_VERBS = SPEECH_VERBS | OBJECT_VERBS

# Object verbs that are stances only with their particle ("push for", "push back"; not "pushed a bill")
# or with an "as" complement ("sees the deal as a mistake"; not "saw the tweet").
OBJECT_NEEDS_PARTICLE = frozenset({"push"})
OBJECT_NEEDS_AS = frozenset({"see"})
# Object verbs that are findings only from a study, poll or court, or with a predicate on the object
# ("the study found 31 cases", "a judge found the law unconstitutional"; not "they found a way").
OBJECT_NEEDS_FINDER = frozenset({"find"})

# Particles and prepositions that belong to the cue: "called for", "pointed to", "lashed out at".
CUE_PARTICLES: dict[str, frozenset[str]] = {
    lemma: frozenset(preps.split("/"))
    for lemma, preps in (
        item.split(":")
        for item in _words(
            """
        call:for/on point:to/out push:for/back ask:for/about talk:about speak:about/of/out/against/on
        complain:about warn:against/about/of argue:for/against advocate:for worry:about rail:against
        lash:out/at weigh:in/on double:down/on seize:on focus:on bristle:at joke:about boast:about
        brag:about tweet:about write:about comment:on reflect:on elaborate:on insist:on lay:out sum:up
        go:after come:out/against/for hit:back/out/at fire:back/at criticize:for praise:for blame:for
        accuse:of charge:with describe:as label:as liken:to compare:to thank:for apologize:for testify:about/before care:about think:about know:about
        agree:with/on vote:against/for decide:against
        """
        )
    )
}

# Common nouns that can be sources ("officials said", "a new poll shows").
SOURCE_NOUNS = _words(
    """
    official officials spokesman spokeswoman spokesperson aide aides adviser advisers analyst analysts expert
    experts source sources critic critics supporter supporters voter voters lawmaker lawmakers poll polls
    survey surveys report reports study studies analysis campaign researcher researchers economist
    economists official leader leaders president senator governor candidate nominee police prosecutor
    prosecutors lawyer lawyers attorney attorneys judge court statement memo letter documents document data
    witness witnesses resident residents activist activists group groups organization committee agency
    department ministry government administration republicans democrats people americans member members
    friend friends colleague colleagues person man woman men women observers diplomat diplomats military
    army commander commanders authorities authority officer officers spokesmen representative
    author authors
    """
)

# Raising verbs whose clause is a stance with no stated source: "X seems to ...".
RAISING_VERBS = frozenset({"seem", "appear"})

# Verbs whose agentless passive is a stance held by no one named: "X is expected to ...".
PASSIVE_STANCE_VERBS = _words(
    """
    expect believe consider think accuse blame criticize criticise suspect rumor rumour allege
    """
)

# Light verbs that with a stance noun and a preposition make a cue: "expressed concern about".
LIGHT_VERBS = _words("express voice raise sound register air")

# Stance nouns of those cues.
STANCE_NOUNS = _words(
    """
    concern misgiving reservation doubt question outrage anger frustration alarm dismay disappointment
    skepticism scepticism opposition support objection criticism worry fear hope confidence
    optimism pessimism regret sympathy admiration disdain call alarm
    """
)

# Adjectives of an impersonal stance on a clause: "it is unclear whether ...".
STANCE_ADJECTIVES = frozenset({"clear", "unclear", "obvious", "evident", "apparent"})

# Adjectives of a held stance after a copula: "has been critical of X", "is sure that ...".
HOLDER_ADJECTIVES = _words(
    """
    critical supportive skeptical sceptical wary confident sure certain convinced adamant optimistic
    pessimistic concerned worried passionate vocal coy vague bullish bearish proud angry upset furious
    dismissive hopeful doubtful opposed enthusiastic frank unhappy eager reluctant determined clear
    insistent firm emphatic outspoken silent mum
    """
)

# Prepositions that take the object of such a stance.
HOLDER_PREPS = frozenset({"about", "of", "on", "over", "with", "toward", "towards", "to", "at"})

# Nouns of a held stance after a copula: "is a staunch opponent of X".
HOLDER_NOUNS = _words(
    """
    opponent opponents supporter supporters critic critics advocate advocates proponent proponents
    defender defenders champion champions skeptic skeptics sceptic sceptics fan fans backer backers
    admirer admirers foe foes ally allies
    """
)

# Verbs that may introduce a direct quotation only (with a colon or adjacent quote).
QUOTE_ONLY_VERBS = frozenset({"continue", "read", "sing", "chant", "shout", "yell"})

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

# Where a saying happened, closing an object content: "noted the figures on its website".
VENUE_NOUNS = CUE_NOUNS | _words(
    """
    email emails twitter website site show forum rally event appearance program programme broadcast
    hearing briefing conference op-ed column post
    """
)

# Nouns that cue an attribution with a possessor and a clause: "Trump's claim that ...".
NOUN_CUES = _words(
    """
    claim claims statement comment comments remark remarks warning argument assertion accusation
    allegation allegations plan proposal promise pledge message announcement view belief
    position suggestion insistence vow threat demand call hope fear concern contention charge
    insistence admission denial prediction estimate conclusion finding findings report
    decision determination eagerness acknowledgment acknowledgement recognition worry worries
    concerns fears warnings doubts suspicion assurance assurances
    """
)

# Noun cues of a saying, kept inside another attribution's content ("seized on X's claim that ...").
SAYING_NOUNS = _words(
    """
    claim claims statement assertion accusation allegation allegations warning argument admission
    denial insistence contention
    """
)

# Noun cues that carry an attribution with no stated holder: "growing concerns that ...".
BARE_NOUN_CUES = _words(
    """
    claim claims warning warnings concern concerns worry worries fear fears allegation allegations
    accusation accusations assertion recognition acknowledgment acknowledgement suggestion charges
    """
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

# Lemmas the tagger gets wrong ("hopes" -> "hop").
LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}
