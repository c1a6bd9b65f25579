-- Distributed embedding: `rag ingest --queue` enqueues the passages the shared cache lacks as jobs;
-- `rag worker` processes (any number, on any machine) claim them with FOR UPDATE SKIP LOCKED, embed,
-- write the vectors into embedding_cache and mark the job done. A claimed job carries a lease: a worker
-- that dies (kill -9, lost machine) leaves it "running" past its lease, and another worker retries it.
CREATE TABLE embed_jobs (
    id bigserial PRIMARY KEY,
    embedder text NOT NULL,
    texts jsonb NOT NULL,
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    worker text,
    lease_until timestamptz,
    error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE INDEX embed_jobs_open ON embed_jobs (embedder, id) WHERE status IN ('queued', 'running');
