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

import rag
from rag import RagError, Settings

F = TypeVar("F", bound=Callable[..., Any])


def _settings(**overrides: Any) -> Settings:
    base = rag.get_settings()
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
    settings = _settings(index_dir=index_dir)
    with _errors():
        report = rag.Pipeline.ingest(
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

    Example: rag search "quang ninh ky thoa thuan voi quang tay" --k 3 --json
    """
    settings = _settings(index_dir=index_dir)
    with _errors():
        filters = rag.Filters.parse(doc_ids, date_from, date_to)
        pipe = rag.Pipeline.open(settings)
        for question in questions:
            question = rag.validate_question(question, settings.max_question_chars)
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

    Example: rag ask "Quảng Ninh ký thỏa thuận với Quảng Tây khi nào, ở đâu?" --json
    """
    settings = _settings(index_dir=index_dir)
    with _errors():
        pipe = rag.Pipeline.open(settings)
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
    settings = _settings(index_dir=index_dir)
    with _errors():
        rag.load_dataset(dataset)  # a bad dataset is reported before the models load
        report = rag.Pipeline.open(settings).evaluate(dataset, answers=not no_answers)
        paths = report.write(out_dir)
    if as_json:
        _emit(report.to_json())
    else:
        click.echo(report.retrieval_table())
        if report.answers:
            click.echo()
            click.echo(report.answer_table())
            if report.answers_by_type:
                click.echo()
                click.echo(report.answer_table(by_type=True))
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
    import uvicorn

    from api.app import create_app

    settings = _settings(index_dir=index_dir, host=host, port=port)
    if not (Path(settings.index_dir) / "CURRENT").is_file():
        index = settings.index_dir
        raise click.ClickException(f"no index in {index}: build one first with `rag ingest --index {index}`")
    click.echo(f"Demo: http://{settings.host}:{settings.port}/", err=True)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


# ------------------------------------------------------------------------------------------- benchmarks
@main.command(
    context_settings={
        "ignore_unknown_options": True,
        "allow_extra_args": True,
        "allow_interspersed_args": False,
    }
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED, metavar="{baseline|scale|embed} [ARGS]...")
def bench(args: tuple[str, ...]) -> None:
    """Benchmarks (baseline vs a plain LangChain RAG; scale with distractors; embedding speed), from a
    source checkout.

    Runs eval/bench.py with the arguments given; results go to eval/results/.

    \b
    Example: rag bench baseline
             rag bench scale --n 1000 --n 5000 --lexical-all
             rag bench embed --json
             rag bench scale --help
    """
    import os
    import subprocess

    script = Path(__file__).resolve().parent.parent / "eval" / "bench.py"
    if not script.is_file():
        raise click.ClickException(
            f"no {script}: benchmarks run from a source checkout of the repository (pip install -e .)"
        )
    env = {**os.environ, "RAG_BENCH_PROG": "rag bench"}
    code = subprocess.run([sys.executable, str(script), *args], env=env, check=False).returncode
    sys.exit(code if code >= 0 else 128 - code)  # killed by signal N: 128 + N, as a shell reports it


@main.command()
@click.option("--party", help='Only records naming this party ("Hải Phòng", "hai phong", "Haiphong").')
@click.option("--from", "date_from", help="Only records dated on or after (2024, 2024-06, 12/6/2024).")
@click.option("--to", "date_to", help="Only records dated on or before.")
@index_option
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line on stdout.")
def agreements(
    party: str | None, date_from: str | None, date_to: str | None, index_dir: Path | None, as_json: bool
) -> None:
    """List the meetings, signings, agreements, proposals and decisions extracted at ingest, by date.

    Example: rag agreements --party "Hải Phòng" --from 2024 --json
    """
    settings = _settings(index_dir=index_dir)
    with _errors():
        records = rag.Pipeline.read_agreements(settings, party, date_from, date_to)
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
