"""``polemos``: ingest news, then query actors, events, quotes and places from the store.

Exit codes: 0 all good, 1 some inputs failed (listed at the end), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from polemos.cli.output import (
    ACTOR_COLUMNS,
    EVENT_COLUMNS,
    PLACE_COLUMNS,
    QUOTE_COLUMNS,
    OutputFormat,
    emit,
)
from polemos.config import load_settings
from polemos.errors import PolemosError

app = typer.Typer(
    help="polemos: who did what to whom, where and when, and who said what — with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

DbOption = Annotated[
    Path | None, typer.Option("--db", help="SQLite database (default: POLEMOS_DB or polemos.db)", show_default=False)
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or csv")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="most rows to print (0: all)")]


TypeOption = Annotated[str | None, typer.Option("--type", "-t", help="PLOVER type, e.g. ASSAULT")]
QuadOption = Annotated[int | None, typer.Option(help="quad class 1-4", min=1, max=4)]
ActorOption = Annotated[str | None, typer.Option(help="actor as source or target")]
SourceOption = Annotated[str | None, typer.Option(help="source actor")]
TargetOption = Annotated[str | None, typer.Option(help="target actor")]
PlaceOption = Annotated[str | None, typer.Option(help="place name or GeoNames id")]
FromOption = Annotated[str | None, typer.Option("--from", help="from date YYYY-MM-DD")]
ToOption = Annotated[str | None, typer.Option("--to", help="to date YYYY-MM-DD")]
ConfidenceOption = Annotated[float | None, typer.Option(help="minimum confidence 0-1")]


def _event_filter(**kwargs):  # -> EventFilter
    """An EventFilter from the shared event options, dates checked (exit 2 on a bad one)."""
    from polemos.store.queries import EventFilter

    for d in (kwargs.get("date_from"), kwargs.get("date_to")):
        if d:
            _check_date(d)
    return EventFilter(**kwargs)


def _db(db: Path | None) -> str:
    return str(db) if db else load_settings().db_path


def _open(db: Path | None, must_exist: bool = True):
    from polemos.store import Store

    path = _db(db)
    if must_exist and path != ":memory:" and not Path(path).exists():
        err.print(f"[red]error:[/red] no database at {path}; run 'polemos ingest PATH --db {path}' first")
        raise typer.Exit(2)
    return Store(path)


def _limit(n: int) -> int | None:
    return n or None


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders, globs, or - for stdin")],
    db: DbOption = None,
    date: Annotated[str | None, typer.Option(help="publication date (YYYY-MM-DD) for plain text")] = None,
    source: Annotated[str | None, typer.Option(help="outlet name for plain text")] = None,
    fmt: Annotated[str, typer.Option("--format", help="auto, text, jsonl, ... (auto: by file suffix)")] = "auto",
    text_field: Annotated[str, typer.Option(help="JSON Lines field holding the text")] = "text",
    title_field: Annotated[str, typer.Option(help="JSON Lines field holding the title")] = "title",
    date_field: Annotated[str | None, typer.Option(help="JSON Lines field holding the date")] = None,
    url_field: Annotated[str, typer.Option(help="JSON Lines field holding the URL")] = "url",
    id_field: Annotated[str, typer.Option(help="JSON Lines field holding the id")] = "id",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    ray: Annotated[
        bool, typer.Option("--ray", help="parse on Ray workers; this process still resolves and writes (make ray)")
    ] = False,
    workers: Annotated[int | None, typer.Option(help="Ray workers (default: the Ray cluster's CPUs)", min=1)] = None,
    ray_address: Annotated[
        str | None, typer.Option(help="Ray cluster to join (default: RAY_ADDRESS, else a local Ray)")
    ] = None,
) -> None:
    """Read, clean, parse and extract articles into the store (with --ray: parse on many cores or machines)."""
    from polemos.ingest import ReadOptions, read_inputs
    from polemos.ingest.jsonl import FieldMap
    from polemos.pipeline import Pipeline

    if date is not None:
        _check_date(date)
    _check_ray(ray, workers, ray_address)
    settings = load_settings()
    fields = FieldMap(
        text=text_field, title=title_field, id=id_field, url=url_field,
        date=(date_field,) if date_field else ("published", "date"),
    )
    options = ReadOptions(date=date, source=source, format=fmt, fields=fields)
    with _open(db, must_exist=False) as store:
        pipeline = Pipeline(store, settings)
        items = read_inputs(paths, options)
        with _parse_stage(pipeline, ray, workers, ray_address) as work, Progress(
            SpinnerColumn(), TextColumn("[bold]ingest[/bold] {task.description}"), BarColumn(),
            MofNCompleteColumn(), TimeElapsedColumn(), console=err, disable=quiet, transient=False,
        ) as progress:
            task = progress.add_task("articles", total=None)
            summary = pipeline.run(
                items, on_article=lambda a: progress.update(task, advance=1, description=a.id[:40]), work=work
            )
        _print_summary(summary, store.path)
    raise typer.Exit(1 if summary.failed else 0)


def _check_ray(ray: bool, workers: int | None, address: str | None) -> None:
    """Exit 2 when Ray options come without --ray, or --ray without Ray installed."""
    from rich.markup import escape

    from polemos.scale.executors import RayMissingError, ray_available

    if not ray and (workers is not None or address is not None):
        err.print("[red]error:[/red] --workers and --ray-address go with --ray")
        raise typer.Exit(2)
    if ray and not ray_available():
        err.print(f"[red]error:[/red] {escape(str(RayMissingError()))}", highlight=False)
        raise typer.Exit(2)


@contextmanager
def _parse_stage(pipeline, ray: bool, workers: int | None, address: str | None):  # -> ParseStage | None
    """The normal parse stage (None), or Ray workers for the life of the run."""
    if not ray:
        yield None
        return
    from polemos.scale import RayExecutor, remote_parse

    settings = pipeline.settings
    with RayExecutor(settings.spacy_model, workers, settings.batch_size, address) as executor:
        err.print(f"[bold]ray[/bold] {executor.workers} workers parse; this process resolves and writes")
        yield remote_parse(executor, pipeline.nlp.vocab, settings.batch_size)
        if executor.failed_batches:
            err.print(
                f"[yellow]ray[/yellow] {executor.failed_batches} batch(es) were done by this process "
                "after their worker failed"
            )


def _check_date(value: str) -> None:
    from datetime import date as _date

    try:
        _date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]error:[/red] --date must be YYYY-MM-DD, got {value!r}")
        raise typer.Exit(2) from None


def _print_summary(summary, db: str) -> None:
    err.print(
        f"[bold]read[/bold] {summary.read}  [bold]stored[/bold] {summary.stored}  "
        f"[bold]already stored[/bold] {summary.skipped_existing}  [bold]duplicates[/bold] {summary.duplicates}  "
        f"[bold]non-English[/bold] {summary.non_english}  [bold]failed[/bold] {summary.failed}"
    )
    err.print(
        f"found {summary.mentions} actor mentions, {summary.quotes} quotes, {summary.events} events, "
        f"{summary.places} places  →  {db}"
    )
    if summary.failures:
        err.print("[red]failures:[/red]")
        for f in summary.failures:
            err.print(f"  {f.item}: {f.reason}", highlight=False, soft_wrap=True)


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="article id (or a unique prefix)")],
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="print JSON instead")] = False,
) -> None:
    """Show one article: sentences, captions, cleaning, and every fact with its evidence."""
    from polemos.cli.show import render_article
    from polemos.store.queries import article_detail

    with _open(db) as store:
        detail = article_detail(store.conn, article)
    if detail is None:
        err.print(f"[red]error:[/red] no article '{article}' in {_db(db)}")
        raise typer.Exit(2)
    if json_out:
        print(json.dumps(detail, ensure_ascii=False, indent=2))
    else:
        render_article(detail)


@app.command()
def events(
    db: DbOption = None,
    type: TypeOption = None,
    quad: QuadOption = None,
    actor: ActorOption = None,
    source: SourceOption = None,
    target: TargetOption = None,
    place: PlaceOption = None,
    since: FromOption = None,
    until: ToOption = None,
    min_confidence: ConfidenceOption = None,
    article: Annotated[str | None, typer.Option(help="only this article")] = None,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = 50,
) -> None:
    """List events (who did what to whom), with filters."""
    from polemos.store.queries import iter_events

    f = _event_filter(type=type, quad_class=quad, actor=actor, source=source, target=target, place=place,
                      date_from=since, date_to=until, min_confidence=min_confidence, article=article,
                      limit=_limit(limit))
    with _open(db) as store:
        emit(iter_events(store.conn, f), fmt, EVENT_COLUMNS, "events")


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Argument(help="plover-jsonl, gdelt-events, gdelt-mentions, acled-csv, parquet, "
                                       "gexf, graphml, ftm-jsonl")],
    db: DbOption = None,
    out: Annotated[str, typer.Option("--out", "-o", help="file (a folder for parquet), or - for stdout")] = "-",
    type: TypeOption = None,
    quad: QuadOption = None,
    actor: ActorOption = None,
    source: SourceOption = None,
    target: TargetOption = None,
    place: PlaceOption = None,
    since: FromOption = None,
    until: ToOption = None,
    min_confidence: ConfidenceOption = None,
) -> None:
    """Export events matching the filters of `polemos events`, streaming (parquet: every table, only the
    matching events' rows when filtered)."""
    from polemos.export import FORMATS, export

    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    f = _event_filter(type=type, quad_class=quad, actor=actor, source=source, target=target, place=place,
                      date_from=since, date_to=until, min_confidence=min_confidence)
    with _open(db) as store:
        n = export(fmt, store.conn, out, f)
    err.print(f"wrote {n} rows ({fmt}) to {'stdout' if out == '-' else out}")


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="speaker name or alias")] = None,
    about: Annotated[str | None, typer.Option(help="an actor or word the quote is about")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, indirect or mixed")] = None,
    article: Annotated[str | None, typer.Option(help="only this article")] = None,
    since: FromOption = None,
    until: ToOption = None,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = 50,
) -> None:
    """List quotes and attributions: who said what."""
    from polemos.store.queries import QuoteFilter, iter_quotes

    if kind and kind not in ("direct", "indirect", "mixed"):
        err.print(f"[red]error:[/red] --kind must be direct, indirect or mixed, got {kind!r}")
        raise typer.Exit(2)
    for d in (since, until):
        if d:
            _check_date(d)
    f = QuoteFilter(speaker=speaker, about=about, kind=kind, article=article, date_from=since, date_to=until,
                    limit=_limit(limit))
    with _open(db) as store:
        emit(iter_quotes(store.conn, f), fmt, QUOTE_COLUMNS, "quotes")


@app.command()
def actors(
    db: DbOption = None,
    type: Annotated[str | None, typer.Option("--type", "-t", help="PERSON, ORG, GPE, GROUP")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 country, e.g. IRN")] = None,
    sector: Annotated[str | None, typer.Option(help="sector code, e.g. MIL, GOV, REB")] = None,
    name: Annotated[str | None, typer.Option(help="name or alias contains")] = None,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = 50,
) -> None:
    """List actors, most mentioned first."""
    from polemos.store.queries import ActorFilter, iter_actors

    f = ActorFilter(type=type, country=country, sector=sector, name=name, limit=_limit(limit))
    with _open(db) as store:
        emit(iter_actors(store.conn, f), fmt, ACTOR_COLUMNS, "actors")


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="actor name, alias or key")],
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="print JSON instead")] = False,
) -> None:
    """An actor's dossier: aliases, codes, roles and affiliations, quotes and events."""
    from polemos.store.queries import actor_dossier

    with _open(db) as store:
        d = actor_dossier(store.conn, name)
    if d is None:
        err.print(f"[red]error:[/red] no actor '{name}' in {_db(db)}")
        raise typer.Exit(2)
    if json_out:
        print(json.dumps(d, ensure_ascii=False, indent=2))
        return
    c = Console()
    c.print(f"[bold]{d['name']}[/bold]  {d['type']}  code {d['code'] or '-'}  key {d['key']}", highlight=False)
    c.print(f"mentions {d['mentions']} in {d['articles']} articles; aliases: {', '.join(d['aliases']) or '-'}")
    for r in d["roles"][:20]:
        c.print(f"  role: {r['role']}  @{r['evidence']['article']}#{r['evidence']['sentence']}", highlight=False)
    for f in d["affiliations"][:20]:
        c.print(f"  {f['relation']} ({f['direction']}) {f['other']} {f['qualifier'] or ''}  "
                f"@{f['evidence']['article']}#{f['evidence']['sentence']}", highlight=False)
    if d["quotes"]:
        emit(d["quotes"][:20], OutputFormat.table, QUOTE_COLUMNS, "quotes by this actor")
    if d["events"]:
        emit(d["events"][:30], OutputFormat.table, EVENT_COLUMNS, "events as source or target")


@app.command()
def merges(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="only merges into this actor key")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The knowledge base's merge log: which rule joined which names into which actor."""
    with _open(db) as store:
        rows = [m for m in store.load_merges() if actor is None or m["kept"] == actor]
    cols = [("id", lambda m: m["id"]), ("rule", lambda m: m["rule"]), ("kept", lambda m: m["kept"]),
            ("merged", lambda m: m["merged"]), ("aliases", lambda m: ", ".join(m["aliases"])),
            ("article", lambda m: m["article"])]
    emit(rows, fmt, cols, "merges")


@app.command()
def unmerge(
    merge_id: Annotated[int, typer.Argument(help="merge id (see 'polemos merges')")],
    db: DbOption = None,
) -> None:
    """Undo a merge: its names become their own actor again, with their mentions, events and quotes."""
    from polemos.store.merges import undo_merge

    with _open(db) as store:
        result = undo_merge(store, merge_id)
    err.print(f"merge {merge_id} undone: {result['actor']} has its own {result['mentions']} mentions, "
              f"{result['event_actors']} event roles and {result['quotes']} quotes again")


@app.command()
def places(
    db: DbOption = None,
    name: Annotated[str | None, typer.Option(help="name contains")] = None,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = 50,
) -> None:
    """List places, resolved to GeoNames, most mentioned first."""
    from polemos.store.queries import iter_places

    with _open(db) as store:
        emit(iter_places(store.conn, name, _limit(limit)), fmt, PLACE_COLUMNS, "places")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="full-text query over titles and text")],
    db: DbOption = None,
    limit: LimitOption = 20,
) -> None:
    """Full-text search over stored articles."""
    from polemos.store.queries import search_articles

    with _open(db) as store:
        hits = search_articles(store.conn, query, limit or 1000)
    for h in hits:
        Console().print(f"[bold]{h['id']}[/bold] {h['published'] or ''} {h['title'] or ''}\n    {h['snippet']}",
                        highlight=False)
    if not hits:
        err.print("[yellow]no match[/yellow]")


@app.command()
def stats(
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="print JSON instead")] = False,
) -> None:
    """Counts of articles, actors, quotes, events (by type), places and failures."""
    from polemos.store.queries import iter_failures
    from polemos.store.queries import stats as get_stats

    with _open(db) as store:
        s = get_stats(store.conn)
        failures = iter_failures(store.conn, 20)
    if json_out:
        print(json.dumps(s, indent=2))
        return
    _print_stats(s)
    for f in failures:
        err.print(f"  failed: {f['item']}: {f['reason']}", highlight=False)


def _print_stats(s: dict) -> None:
    c = Console()
    c.print(
        f"[bold]{s['articles']}[/bold] articles ({s['non_english']} non-English, {s['duplicates']} duplicates), "
        f"{s['sentences']} sentences, [bold]{s['actors']}[/bold] actors ({s['mentions']} mentions), "
        f"[bold]{s['quotes']}[/bold] quotes, [bold]{s['events']}[/bold] events, "
        f"[bold]{s['places']}[/bold] place mentions ({s['places_resolved']} resolved), {s['dates']} dates, "
        f"{s['failures']} failures"
    )
    if s["events_by_type"]:
        c.print("events by type: " + ", ".join(f"{k} {v}" for k, v in s["events_by_type"].items()))
    if s["quotes_by_kind"]:
        c.print("quotes by kind: " + ", ".join(f"{k} {v}" for k, v in s["quotes_by_kind"].items()))


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to bind (default: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port", min=1, max=65535)] = 8000,
) -> None:
    """Serve the store as a web app and a JSON API (OpenAPI at /docs)."""
    from polemos.web.app import serve as run_server

    _open(db).close()  # refuse a missing database with a clear message
    err.print(f"polemos web app on http://{host}:{port}  (JSON API under /api, OpenAPI at /docs)")
    run_server(_db(db), host=host, port=port)


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="database to (re)create")] = Path("demo.db"),
    corpus: Annotated[Path | None, typer.Option(help="demo corpus (default: the embedded one)")] = None,
) -> None:
    """Ingest the embedded demo corpus into a fresh database and print a summary."""
    from polemos.demo import demo_corpus_path
    from polemos.ingest import ReadOptions, read_inputs
    from polemos.pipeline import Pipeline
    from polemos.store import Store
    from polemos.store.queries import iter_actors, iter_places

    path = corpus or demo_corpus_path()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with Store(db) as store:
        summary = Pipeline(store, load_settings()).run(read_inputs([str(path)], ReadOptions()))
        _print_summary(summary, str(db))
        from polemos.store.queries import stats as get_stats

        _print_stats(get_stats(store.conn))
        emit(_take(iter_actors(store.conn), 10), OutputFormat.table, ACTOR_COLUMNS[:7], "most mentioned actors")
        emit(_take(iter_places(store.conn), 10), OutputFormat.table, PLACE_COLUMNS[:6], "places")
    Console().print(
        "\nNext, try:\n"
        f"  polemos events --db {db} --type ASSAULT\n"
        f"  polemos quotes --db {db} --kind direct\n"
        f"  polemos actors --db {db} --country IRN\n"
        f"  polemos actor 'Islamic State' --db {db}\n"
        f"  polemos show demo-001 --db {db}\n"
        f"  polemos search 'Tikrit' --db {db}\n"
        f"  polemos serve --db {db}"
    )
    raise typer.Exit(1 if summary.failed else 0)


def _take(rows, n: int) -> list:
    out = []
    for row in rows:
        if len(out) >= n:
            break
        out.append(row)
    return out


def main() -> None:
    """Entry point: turn polemos errors into clear messages and exit code 2."""
    try:
        app()
    except PolemosError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("[yellow]interrupted: everything committed so far is kept; rerun to resume[/yellow]")
        sys.exit(130)


if __name__ == "__main__":
    main()
