"""The ``rag`` command line: a thin shell over the library (see DESIGN.md for the contract).

With ``--json`` every question gives exactly one JSON object on its own stdout line, in input order;
logs and progress go to stderr.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from rag.config import Settings, get_settings
from rag.errors import RagError

F = TypeVar("F", bound=Callable[..., Any])


def _settings(**overrides: Any) -> Settings:
    base = get_settings()
    values = {k: v for k, v in overrides.items() if v is not None}
    return base.model_copy(update=values) if values else base


@contextmanager
def _errors() -> Iterator[None]:
    """Library errors become one clear line on stderr and exit code 1, never a traceback."""
    try:
        yield
    except RagError as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:  # pragma: no cover - interactive
        raise click.Abort() from None


def _emit(obj: dict[str, Any]) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def index_option(func: F) -> F:
    return click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Index directory (default: $RAG_INDEX_DIR or ./index).",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
@click.version_option(package_name="vn-border-rag")
def main(verbose: bool) -> None:
    """Grounded question answering over Vietnamese news articles."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@index_option
@click.option("--rebuild", is_flag=True, help="Start a new index instead of updating the existing one.")
@click.option("--json", "as_json", is_flag=True, help="Print the ingest report as one JSON object.")
def ingest(paths: tuple[Path, ...], index_dir: Path | None, rebuild: bool, as_json: bool) -> None:
    """Load, clean, chunk, embed and index articles (files or folders; default: data/articles).

    Example: rag ingest data/articles --index index
    """
    from rag.ingest import ingest as run_ingest

    settings = _settings(index_dir=index_dir)
    with _errors():
        report = run_ingest(
            list(paths) or [settings.articles_dir],
            settings,
            rebuild=rebuild,
            progress=sys.stderr.isatty() and not as_json,
        )
    if as_json:
        _emit(report.to_json())
    else:
        click.echo(report.summary(), err=True)
    if not report.documents:
        raise click.ClickException("no document could be indexed")


@main.command()
@click.argument("questions", nargs=-1, required=True)
@click.option(
    "--k", "k", type=click.IntRange(1, 100), default=None, help="Passages per question (default 5)."
)
@index_option
@click.option(
    "--mode", type=click.Choice(["hybrid", "dense", "lexical"]), default="hybrid", show_default=True
)
@click.option("--doc", "doc_ids", multiple=True, help="Only search these document ids (repeatable).")
@click.option("--from", "date_from", help="Only documents published on or after (2024, 2024-06, 12/6/2024).")
@click.option("--to", "date_to", help="Only documents published on or before.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per question on stdout.")
def search(
    questions: tuple[str, ...],
    k: int | None,
    index_dir: Path | None,
    mode: str,
    doc_ids: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    as_json: bool,
) -> None:
    """Retrieve the passages that best match each question.

    Example: rag search "lao cai ky thoa thuan voi chau hong ha" --k 3 --json
    """
    from rag.dates import parse_user_date
    from rag.pipeline import Pipeline
    from rag.retrieve import Filters

    settings = _settings(index_dir=index_dir)
    with _errors():
        filters = Filters(
            doc_ids=frozenset(doc_ids) or None,
            date_from=parse_user_date(date_from) if date_from else None,
            date_to=parse_user_date(date_to) if date_to else None,
        )
        pipe = Pipeline.open(settings)
        for question in questions:
            result = pipe.search(question, k, mode=mode, filters=filters)  # type: ignore[arg-type]
            if as_json:
                _emit({"question": question, "hits": [h.to_json() for h in result.hits]})
                continue
            click.echo(click.style(f"? {question}", bold=True))
            for i, hit in enumerate(result.hits, start=1):
                c = hit.chunk
                click.echo(
                    f"{i}. [{c.chunk_id}] {c.title} ({c.published or 'no date'})  score={hit.score:.4f}"
                )
                click.echo("   " + c.text[:300].replace("\n", " ") + ("…" if len(c.text) > 300 else ""))
            click.echo()


@main.command()
@click.argument("questions", nargs=-1, required=True)
@index_option
@click.option("--k", "k", type=click.IntRange(1, 20), default=None, help="Citations at most (default 5).")
@click.option("--json", "as_json", is_flag=True, help="One Answer JSON object per question on stdout.")
def ask(questions: tuple[str, ...], index_dir: Path | None, k: int | None, as_json: bool) -> None:
    """Answer each question from the articles, with quoted citations (or say the articles do not say).

    Example: rag ask "Lào Cai ký thỏa thuận với châu Hồng Hà khi nào, ở đâu?" --json
    """
    from rag.pipeline import Pipeline

    settings = _settings(index_dir=index_dir)
    with _errors():
        pipe = Pipeline.open(settings)
        for question in questions:
            answer = pipe.ask(question, k)
            if as_json:
                _emit(answer.to_json())
                continue
            click.echo(click.style(f"? {question}", bold=True))
            click.echo(answer.answer)
            for c in answer.citations:
                click.echo(f"  [{c.n}] {c.title} ({c.published or 'no date'}) {c.doc_id}")
                click.echo(f"      “{c.quote}”")
            click.echo()


@main.command(name="eval")
@click.option(
    "--dataset",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("eval/gold.jsonl"),
    show_default=True,
    help="Gold questions (DESIGN.md schema).",
)
@index_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("eval/reports"),
    show_default=True,
    help="Where eval.json and eval.md are written.",
)
@click.option("--no-answers", is_flag=True, help="Retrieval metrics only.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as one JSON object.")
def evaluate(dataset: Path, index_dir: Path | None, out_dir: Path, no_answers: bool, as_json: bool) -> None:
    """Retrieval (BM25 / dense / hybrid) and answer metrics on a gold dataset.

    Example: rag eval --dataset eval/gold.jsonl --out eval/reports
    """
    from rag.evaluate import load_dataset, run_eval
    from rag.pipeline import Pipeline

    settings = _settings(index_dir=index_dir)
    with _errors():
        questions = load_dataset(dataset)
        pipe = Pipeline.open(settings)
        report = run_eval(
            questions,
            pipe.retriever,
            dataset=str(dataset),
            ask=None if no_answers else pipe.ask,
        )
        paths = report.write(out_dir)
    if as_json:
        _emit(report.to_json())
    else:
        click.echo(report.retrieval_table())
        if report.answers:
            click.echo()
            click.echo(report.answer_table())
        click.echo(f"\n{len(report.failures)} failure(s); reports: " + ", ".join(map(str, paths)), err=True)


@main.command()
@click.option("--host", default=None, help="Interface to listen on (default: $RAG_HOST or 127.0.0.1).")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=None, help="Port (default: $RAG_PORT or 8000)."
)
@index_option
def serve(host: str | None, port: int | None, index_dir: Path | None) -> None:
    """Serve the HTTP API, the demo page and the chat widget (uvicorn).

    Example: rag serve --port 8000 --index index
    """
    import os

    import uvicorn

    settings = _settings(index_dir=index_dir, host=host, port=port)
    if not (Path(settings.index_dir) / "CURRENT").is_file():
        index = settings.index_dir
        raise click.ClickException(f"no index in {index}: build one first with `rag ingest --index {index}`")
    # The app factory reads its settings from the environment (get_settings), so pass the overrides on.
    os.environ["RAG_INDEX_DIR"] = str(settings.index_dir)
    os.environ["RAG_HOST"] = settings.host
    os.environ["RAG_PORT"] = str(settings.port)
    get_settings.cache_clear()
    click.echo(f"Demo: http://{settings.host}:{settings.port}/", err=True)
    uvicorn.run("api.app:create_app", factory=True, host=settings.host, port=settings.port, log_level="info")


# ------------------------------------------------------------------------------------------- benchmarks
@main.group()
def bench() -> None:
    """Benchmarks (issue #5): baseline vs project, and scale. Results go to eval/results/."""


@bench.command(name="baseline")
@click.option("--articles", type=click.Path(path_type=Path), default=Path("data/articles"), show_default=True)
@click.option(
    "--dataset", type=click.Path(path_type=Path), default=Path("eval/gold.jsonl"), show_default=True
)
@click.option("--work", type=click.Path(path_type=Path), default=Path("/work/bench-cache"), show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=Path("eval/results"), show_default=True)
@click.option("--warm-cache", is_flag=True, help="Reuse WORK/cache for both sides instead of a cold start.")
def bench_baseline_cmd(articles: Path, dataset: Path, work: Path, out: Path, warm_cache: bool) -> None:
    """The plain LangChain pipeline against this project, side by side, on the same articles and questions.

    Example: rag bench baseline
    """
    from rag.bench import baseline_markdown, bench_baseline

    command = (
        "rag bench " + " ".join(sys.argv[sys.argv.index("baseline") :]) if "baseline" in sys.argv else ""
    )
    result = bench_baseline(
        articles=articles, dataset=dataset, work=work, out=out, cold=not warm_cache, command=command
    )
    click.echo(baseline_markdown(result))


@bench.command(name="scale")
@click.option("--n", "ns", type=click.IntRange(0), multiple=True, help="Distractor articles (repeatable).")
@click.option("--lexical-all", is_flag=True, help="Also BM25 only over every record of the JSONL.")
@click.option("--lexical-limit", type=click.IntRange(1), default=None, help="Cap the lexical-all records.")
@click.option("--no-hnsw", is_flag=True, help="Skip the HNSW-vs-exact recall measurement.")
@click.option("--no-incremental", is_flag=True, help="Skip the incremental-ingest measurement.")
@click.option(
    "--requery",
    is_flag=True,
    help="Query side changed: keep each N's recorded ingest/HNSW/incremental, rebuild warm, serve again.",
)
@click.option(
    "--add", type=click.IntRange(1), default=100, show_default=True, help="Articles added incrementally."
)
@click.option(
    "--jsonl",
    type=click.Path(path_type=Path),
    default=Path("/work/shared/bench/vietnews-test.jsonl.gz"),
    show_default=True,
)
@click.option("--articles", type=click.Path(path_type=Path), default=Path("data/articles"), show_default=True)
@click.option(
    "--dataset", type=click.Path(path_type=Path), default=Path("eval/gold.jsonl"), show_default=True
)
@click.option("--work", type=click.Path(path_type=Path), default=Path("/work/bench-cache"), show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=Path("eval/results"), show_default=True)
@click.option(
    "--name", default="scale", show_default=True, help="Result file stem (results are merged by N)."
)
def bench_scale_cmd(
    ns: tuple[int, ...],
    lexical_all: bool,
    lexical_limit: int | None,
    no_hnsw: bool,
    no_incremental: bool,
    requery: bool,
    add: int,
    jsonl: Path,
    articles: Path,
    dataset: Path,
    work: Path,
    out: Path,
    name: str,
) -> None:
    """Five articles + N distractors: ingest, size, memory, latency, quality; HNSW recall; incremental.

    Example: rag bench scale --n 1000 --n 5000 --lexical-all
    """
    from rag.bench import bench_scale

    if not ns and not lexical_all:
        raise click.UsageError("give at least one --n or --lexical-all")
    command = "rag bench " + " ".join(sys.argv[sys.argv.index("scale") :]) if "scale" in sys.argv else ""
    bench_scale(
        list(ns),
        lexical_all=lexical_all,
        lexical_limit=lexical_limit,
        hnsw=not no_hnsw,
        incremental=not no_incremental,
        requery=requery,
        articles=articles,
        dataset=dataset,
        jsonl=jsonl,
        work=work,
        out=out,
        name=name,
        command=command,
        add=add,
    )
    click.echo(f"results: {out}/{name}.json, {out}/{name}.md, {out}/{name}.png", err=True)


@main.command()
@click.option("--party", help='Only records naming this party ("Hồng Hà", "hong ha", "Honghe").')
@click.option("--from", "date_from", help="Only records dated on or after (2024, 2024-06, 12/6/2024).")
@click.option("--to", "date_to", help="Only records dated on or before.")
@index_option
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line on stdout.")
def agreements(
    party: str | None, date_from: str | None, date_to: str | None, index_dir: Path | None, as_json: bool
) -> None:
    """List the meetings, signings, agreements, proposals and decisions extracted at ingest, by date.

    Example: rag agreements --party "Hồng Hà" --from 2024 --json
    """
    from rag.agreements import filter_timeline, timeline_from_json
    from rag.dates import parse_user_date
    from rag.errors import InvalidInputError
    from rag.index import load_index

    settings = _settings(index_dir=index_dir)
    with _errors():
        if party is not None and not party.strip():
            raise InvalidInputError("--party is blank")
        start = parse_user_date(date_from) if date_from else None
        end = parse_user_date(date_to) if date_to else None
        timeline = timeline_from_json(load_index(settings.index_dir).extras.get("agreements", []))
        party = party.strip() if party else None
        records = filter_timeline(timeline, party=party, date_from=start, date_to=end)
    if as_json:
        for record in records:
            _emit(record.to_json())
        return
    for rec in records:
        click.echo(
            click.style(f"{rec.date or 'no date':<10}  {rec.action:<18}", bold=True)
            + f"  {rec.place or '-':<10}  "
            + " | ".join(rec.parties)
        )
        click.echo(f"{'':12}{rec.what}  [{rec.doc_id}]")
    click.echo(f"{len(records)} record(s)", err=True)
