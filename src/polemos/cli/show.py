"""Render one article with everything found in it, evidence highlighted (``polemos show``)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

STYLES = {
    "mention": "bold cyan",
    "place": "bold green",
    "date": "magenta",
    "quote": "yellow",
    "trigger": "bold red underline",
}


def _highlight(sentence: dict[str, Any], spans: list[tuple[int, int, str]]) -> Text:
    text = Text(sentence["text"])
    base = sentence["start"]
    for start, end, style in spans:
        s, e = max(start, sentence["start"]), min(end, sentence["end"])
        if s < e:
            text.stylize(style, s - base, e - base)
    return text


def render_article(detail: dict[str, Any], console: Console | None = None) -> None:
    """Print ``detail`` (from ``queries.article_detail``) to the console."""
    console = console or Console()
    head = f"[bold]{detail['title'] or detail['id']}[/bold]\nid {detail['id']}"
    for key in ("published", "source", "author", "url", "language", "origin"):
        if detail.get(key):
            head += f"  ·  {key} {detail[key]}"
    console.print(Panel(head, expand=True))
    spans: list[tuple[int, int, str]] = []
    spans += [(m["evidence"]["start"], m["evidence"]["end"], STYLES["mention"]) for m in detail["mentions"]]
    spans += [(p["evidence"]["start"], p["evidence"]["end"], STYLES["place"]) for p in detail["places"]]
    spans += [(d["evidence"]["start"], d["evidence"]["end"], STYLES["date"]) for d in detail["dates"]]
    spans += [(q["evidence"]["start"], q["evidence"]["end"], STYLES["quote"]) for q in detail["quotes"]]
    spans += [(e["trigger"]["start"], e["trigger"]["end"], STYLES["trigger"]) for e in detail["events"]]
    spans.sort(key=lambda s: (s[0], -s[1]))
    console.print(
        "legend: " + "  ".join(f"[{style}]{name}[/{style}]" for name, style in STYLES.items()), highlight=False
    )
    for s in detail["sentences"]:
        label = Text(f"[{s['index']:>3}] ", style="dim")
        if s["section"] != "body":
            label.append(f"({s['section']}) ", style="italic blue")
        console.print(label + _highlight(s, spans))
    if detail["removals"]:
        console.print("\n[bold]Cleaning[/bold]")
        for r in detail["removals"]:
            console.print(f"  {r['kind']}: {r['text']!r} {r.get('detail') or ''}", highlight=False)
    _facts(console, detail)


def _actor_list(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a["name"] + (f" [{a['code']}]" if a.get("code") else "") for a in actors) or "-"


def _facts(console: Console, d: dict[str, Any]) -> None:
    if d["mentions"]:
        console.print("\n[bold]Actors[/bold]")
        seen: dict[str, list[str]] = {}
        for m in d["mentions"]:
            seen.setdefault(f"{m['actor']} [{m['code'] or '-'}]", []).append(
                f"{m['text']}@{m['evidence']['sentence']}" + (f" ({m['role']})" if m["role"] else "")
            )
        for actor, forms in seen.items():
            console.print(f"  {actor}: {', '.join(forms)}", highlight=False)
    for f in d["affiliations"]:
        q = f" ({f['qualifier']})" if f["qualifier"] else ""
        console.print(f"  {f['actor']} {f['relation']} {f['other']}{q} @{f['evidence']['sentence']}", highlight=False)
    if d["quotes"]:
        console.print("\n[bold]Quotes[/bold]")
        for q in d["quotes"]:
            to = q["addressee"] or q["outlet"]
            console.print(
                f"  [{q['kind']}] {q['speaker']['name'] or '?'} —{q['cue'] or ''}"
                + (f" → {to}" if to else "")
                + f" @{q['evidence']['sentence']}: {q['content'][:160]!r}",
                highlight=False,
            )
    if d["events"]:
        console.print("\n[bold]Events[/bold]")
        for e in d["events"]:
            place = (e["place"] or {}).get("name") or "-"
            flags = " ".join(x for x in (e["hedge"] and f"hedge={e['hedge']}", e["from_caption"] and "caption") if x)
            console.print(
                f"  {e['type']}{'/' + e['mode'] if e['mode'] else ''} [{e['cameo'] or '-'}] "
                f"{_actor_list(e['source'])} → {_actor_list(e['target'])}  where {place}  when {e['date'] or '-'}"
                f"  conf {e['confidence']:.2f} {flags} @{e['evidence']['sentence']} «{e['trigger']['text']}»",
                highlight=False,
            )
    if d["places"]:
        console.print("\n[bold]Places[/bold]")
        for p in d["places"]:
            where = (
                f"{p['qualifier'] + ' ' if p.get('qualifier') else ''}{p['name']} "
                f"(geonames {p['geonameid']}, {p['country']}, {p['lat']}, {p['lon']})"
                if p["geonameid"] else "unresolved"
            )
            console.print(f"  {p['text']} → {where}  {p['reason']}", highlight=False)
    if d["dates"]:
        console.print("\n[bold]Dates[/bold]")
        for t in d["dates"]:
            console.print(f"  {t['text']} → {t['value']} ({t['precision']}) {t['reason']}", highlight=False)
