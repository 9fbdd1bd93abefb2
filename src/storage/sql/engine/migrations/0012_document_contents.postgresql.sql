-- Attachment contents on PostgreSQL live in the database, so that several chibo processes
-- serving one database share them (on SQLite they are files beside the database).
CREATE TABLE document_contents (
  sha256 TEXT PRIMARY KEY,
  content BYTEA NOT NULL,
  created_at TEXT NOT NULL
);
