-- Members imports running in the background (issue 16; app/member_imports.h): the uploaded file
-- is kept by its SHA-256 with the attachments' contents (document_contents on PostgreSQL, the
-- folder beside a SQLite file), the import's state and counts here. The rows are written by a
-- "member_import" job run in ONE transaction with the state 'done', so an import is written
-- entirely once or not at all, whatever process dies when.
CREATE TABLE member_imports (
  id {{id}},
  state TEXT NOT NULL,
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_size BIGINT NOT NULL,
  file_sha256 TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT,
  rows_total BIGINT NOT NULL DEFAULT 0,
  rows_checked BIGINT NOT NULL DEFAULT 0,
  rows_written BIGINT NOT NULL DEFAULT 0,
  error_count BIGINT NOT NULL DEFAULT 0,
  errors TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX member_imports_user ON member_imports (user_id, id);
