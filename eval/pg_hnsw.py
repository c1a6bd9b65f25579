"""pgvector HNSW build time and size on this machine, for the "Scaling out" estimates.

Random unit vectors (384 dimensions, e5-small's width) are inserted into a scratch database of a local
server (``rag db start`` in ``--work``), then the index the postgres backend uses is built
(``halfvec_cosine_ops``, m 16, ef_construction 64) and, for comparison, the same over full-precision
vectors and a binary-quantised one (``bit(384)``, hamming). Random vectors have no cluster structure,
the pessimistic case for HNSW; the figures are build rates and bytes per row, not recall.

    python eval/pg_hnsw.py --rows 100000          # writes eval/results/pg_hnsw.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.dbserver import start_server, stop_server  # noqa: E402

INDEXES = {
    "halfvec": "CREATE INDEX v_half ON v USING hnsw ((e::halfvec({d})) halfvec_cosine_ops) "
    "WITH (m = 16, ef_construction = 64)",
    "vector": "CREATE INDEX v_full ON v USING hnsw (e vector_cosine_ops) WITH (m = 16, ef_construction = 64)",
    "binary": "CREATE INDEX v_bit ON v USING hnsw ((binary_quantize(e)::bit({d})) bit_hamming_ops) "
    "WITH (m = 16, ef_construction = 64)",
}


@click.command()
@click.option("--rows", type=int, default=100_000, show_default=True)
@click.option("--dim", type=int, default=384, show_default=True)
@click.option("--work", type=click.Path(path_type=Path), default=ROOT / ".cache" / "bench" / "db-hnsw")
@click.option("--out", type=click.Path(path_type=Path), default=ROOT / "eval" / "results" / "pg_hnsw.json")
def main(rows: int, dim: int, work: Path, out: Path) -> None:
    import psycopg
    from pgvector.psycopg import register_vector

    url = start_server(work)
    result: dict[str, object] = {"rows": rows, "dim": dim, "vectors": "random unit vectors"}
    try:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS hnsw_bench WITH (FORCE)")
            admin.execute("CREATE DATABASE hnsw_bench")
        with psycopg.connect(url.rsplit("/", 1)[0] + "/hnsw_bench", autocommit=True) as conn:
            conn.execute("CREATE EXTENSION vector")
            register_vector(conn)
            conn.execute(f"CREATE TABLE v (id bigint PRIMARY KEY, e vector({dim}))")
            rng = np.random.default_rng(0)
            t0 = time.perf_counter()
            with conn.cursor() as cur, cur.copy("COPY v (id, e) FROM STDIN WITH (FORMAT BINARY)") as copy:
                copy.set_types(["int8", "vector"])
                for start in range(0, rows, 10_000):
                    block = rng.standard_normal((min(10_000, rows - start), dim)).astype(np.float32)
                    block /= np.linalg.norm(block, axis=1, keepdims=True)
                    for i, vec in enumerate(block):
                        copy.write_row((start + i, vec))
            result["load_s"] = round(time.perf_counter() - t0, 1)
            result["table_mib"] = round(conn.execute("SELECT pg_table_size('v')").fetchone()[0] / 2**20, 1)
            conn.execute("SET maintenance_work_mem = '1GB'")
            builds = {}
            for name, sql in INDEXES.items():
                t0 = time.perf_counter()
                conn.execute(sql.format(d=dim))
                seconds = time.perf_counter() - t0
                index = {"halfvec": "v_half", "vector": "v_full", "binary": "v_bit"}[name]
                size = conn.execute("SELECT pg_relation_size(%s)", (index,)).fetchone()[0]
                builds[name] = {
                    "build_s": round(seconds, 1),
                    "rows_per_s": round(rows / seconds),
                    "index_mib": round(size / 2**20, 1),
                    "bytes_per_row": round(size / rows),
                }
                print(name, builds[name], file=sys.stderr)
            result["builds"] = builds
    finally:
        stop_server(work)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
