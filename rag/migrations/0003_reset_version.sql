-- Readers reload incrementally: the articles written after their snapshot (articles.written_version)
-- replace their old rows. A rebuild removes articles too, so it records its version here, and a reader
-- whose snapshot is older than the last rebuild loads everything again.
ALTER TABLE store_meta ADD COLUMN reset_version bigint NOT NULL DEFAULT 0;
CREATE INDEX articles_written_version ON articles (written_version);
