-- Attachment contents by SHA-256. PostgreSQL keeps them here, so that several chibo processes
-- serving one database share them. On SQLite they are files in the folder <database file>
-- .attachments/ beside the database (storage/sql/documents/attachment_files.h) and this table
-- stays empty: it exists on both engines so that their schemas match (chibo db copy).
CREATE TABLE document_contents (
  sha256 TEXT PRIMARY KEY,
  content BYTEA NOT NULL,
  created_at TEXT NOT NULL
);
