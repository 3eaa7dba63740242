"""Promo, newsletter, follow-us and share lines that scrapers keep around an article.

Two kinds of patterns: *strong* ones name a paragraph as boilerplate wherever it stands
("NOW WATCH: ...", "Follow X on Facebook, Twitter"), *trailing* ones only in the run of
paragraphs that ends the text ("... to your inbox", "Emails & Alerts", copyright lines), where a
sentence of the article itself is unlikely to stand.
"""

from __future__ import annotations

import re

_SOCIAL = r"(?:Facebook|Twitter|X|Instagram|LinkedIn|YouTube|TikTok|Telegram|Threads|Bluesky|Flipboard|WhatsApp|Google News|Pinterest|Snapchat|Reddit)"

#: (name, pattern) matched against a whole paragraph; boilerplate anywhere in the text.
STRONG: list[tuple[str, re.Pattern[str]]] = [
    ("promo_label", re.compile(r"^(?:NOW WATCH|WATCH|WATCH NOW|READ MORE|READ ALSO|ALSO READ|SEE ALSO|MORE|RELATED|"
                               r"RECOMMENDED|DON'T MISS|DON’T MISS|LISTEN|VIDEO|PHOTOS|SPONSORED|ADVERTISEMENT)"
                               r"\s*[:—-]\s*\S")),
    ("promo_label", re.compile(r"^(?:Now watch|Watch|Read more|Read also|Also read|See also|Related|Recommended|"
                               r"Don't miss|Don’t miss)\s*:\s*\S", re.IGNORECASE)),
    ("follow_us", re.compile(rf"^(?:Follow|Like|Join|Find)\b.{{0,120}}?\bon {_SOCIAL}\b", re.IGNORECASE)),
    ("newsletter", re.compile(r"^(?:Sign up|Subscribe|Register|Get)\b.{0,120}?\b(?:newsletter|inbox|updates|alerts|briefing)\b",
                              re.IGNORECASE)),
    ("advert", re.compile(r"^(?:Advertisement|ADVERTISEMENT|Sponsored( content)?|Story continues below( advertisement)?|"
                          r"Continue reading below|Scroll to continue( with content)?)\W*$", re.IGNORECASE)),
    ("share", re.compile(rf"^(?:Share|Tweet|Email|Print)(?: (?:this|on {_SOCIAL}|article|story))*\W*$", re.IGNORECASE)),
    ("click_here", re.compile(r"^Click here\b", re.IGNORECASE)),
]

#: (name, pattern) searched in a paragraph; boilerplate only in the trailing run of the text.
TRAILING: list[tuple[str, re.Pattern[str]]] = [
    ("alerts", re.compile(r"\bE-?mails? (?:&|and) Alerts\b", re.IGNORECASE)),
    ("inbox", re.compile(r"\b(?:to|in) your inbox\b", re.IGNORECASE)),
    ("newsletter", re.compile(r"\bnewsletters?\b|\bsubscribe (?:now|today|here|for free)\b|"
                              r"\bsign up\b.{0,60}\b(?:newsletter|alerts|updates|emails?|free)\b", re.IGNORECASE)),
    ("social", re.compile(rf"(?:\b[Uu]s\b|@\w+).{{0,40}}\b{_SOCIAL}\b")),
    ("copyright", re.compile(r"©|\bCopyright (?:©|\(c\)|\d{4})|\bAll rights reserved\b", re.IGNORECASE)),
    ("app", re.compile(r"\bDownload (?:the|our) app\b|\bApp Store\b|\bGoogle Play\b", re.IGNORECASE)),
    ("tags", re.compile(r"^(?:Tags|Topics|Filed under|Related( articles| stories)?)\s*:", re.IGNORECASE)),
    ("read_more", re.compile(r"^(?:Read more|More from|More stories|Most popular|Trending)\b", re.IGNORECASE)),
]

#: Trailing lines longer than this many words are taken as article prose, never boilerplate.
MAX_TRAILING_WORDS = 30


def strong_match(paragraph: str) -> str | None:
    """The name of the strong pattern ``paragraph`` matches, or None."""
    if len(paragraph.split()) > MAX_TRAILING_WORDS:
        return None
    for name, pattern in STRONG:
        if pattern.search(paragraph):
            return name
    return None


def trailing_match(paragraph: str) -> str | None:
    """The name of any pattern ``paragraph`` matches when it stands in the text's trailing run."""
    found = strong_match(paragraph)
    if found or len(paragraph.split()) > MAX_TRAILING_WORDS:
        return found
    for name, pattern in TRAILING:
        if pattern.search(paragraph):
            return name
    return None
