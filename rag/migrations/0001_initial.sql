-- The postgres backend's schema, version 1. Applied by rag.pgstore.migrate (never by hand): each file
-- NNNN_name.sql runs once, in order, in its own transaction, and is recorded in schema_migrations.
CREATE EXTENSION IF NOT EXISTS vector;

-- One row: what the stored vectors were made with, and the counters BM25 needs. "version" moves with
-- every committed write, so a reader knows when to reload its snapshot.
CREATE TABLE store_meta (
    id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version bigint NOT NULL DEFAULT 0,
    embedder jsonb,
    chunking jsonb,
    dim integer,
    n_chunks bigint NOT NULL DEFAULT 0,
    total_tokens bigint NOT NULL DEFAULT 0
);
INSERT INTO store_meta (id) VALUES (1);

CREATE TABLE articles (
    doc_id text PRIMARY KEY,
    content_hash text NOT NULL,
    published text,
    data jsonb NOT NULL,
    written_version bigint NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_published ON articles (published);

-- Chunks with offsets and metadata; chunk_id ("doc#n") is unique. The HNSW index over the vectors is
-- created by the store once the embedder's dimension is known (an expression index on halfvec(dim)).
CREATE TABLE chunks (
    id bigserial PRIMARY KEY,
    chunk_id text NOT NULL UNIQUE,
    doc_id text NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
    n integer NOT NULL,
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    data jsonb NOT NULL,
    lexical_len integer NOT NULL,
    embedding vector NOT NULL
);
CREATE INDEX chunks_doc ON chunks (doc_id, n);

-- Every sentence of every chunk once, with its vector (half precision: read for answer scoring only).
CREATE TABLE sentences (
    doc_id text NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    embedding halfvec NOT NULL,
    PRIMARY KEY (doc_id, start_offset)
);

-- The lexical index: the project's own folded, segmented tokens (rag.text.lexical_tokens), one row per
-- (term, chunk) with its frequency; BM25 is computed in SQL from these and store_meta's counters.
CREATE TABLE postings (
    term text NOT NULL,
    chunk bigint NOT NULL REFERENCES chunks (id) ON DELETE CASCADE,
    tf integer NOT NULL,
    PRIMARY KEY (term, chunk)
);
CREATE INDEX postings_chunk ON postings (chunk);

-- The agreements timeline, one record per row, with the article it came from.
CREATE TABLE agreements (
    doc_id text NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
    n integer NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (doc_id, n)
);

-- The content-hash embedding cache shared by every process (sha256(embedder key, text) -> float32).
CREATE TABLE embedding_cache (
    key text PRIMARY KEY,
    vec bytea NOT NULL
);
