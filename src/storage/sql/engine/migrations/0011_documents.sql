-- The document register (issue 12): outgoing documents, numbered by chibo per issuer, issuing
-- body, series and term (domain/documents/numbering.h), and incoming ones with the number and
-- symbol of whoever issued them. A number once given is never given again: a withdrawn
-- document stays in the register with its number (status 'withdrawn'), document_series keeps
-- the last number given per series (its row lock serializes concurrent issuances on
-- PostgreSQL), and the unique index below is the last guard.
CREATE TABLE documents (
  id {{id}},
  direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
  status TEXT NOT NULL CHECK (status IN ('active', 'withdrawn')),
  -- Outgoing: the issuing organization; incoming: the organization that entered it.
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  issuing_body TEXT,
  type TEXT NOT NULL,
  series TEXT,
  term_id BIGINT REFERENCES terms (id),
  number BIGINT,
  symbol TEXT,
  -- Folded (no diacritics, lower case) for search: the symbol and number; the summary and
  -- the issuer's name.
  search_symbol {{key_text}} NOT NULL,
  search_text {{key_text}} NOT NULL,
  issued_on TEXT NOT NULL,
  received_on TEXT,
  from_issuer TEXT,
  issuer_name TEXT,
  superior_issuer TEXT,
  place TEXT,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,  -- JSON array of paragraphs
  signer_member_id BIGINT REFERENCES members (id),
  signer_name TEXT,
  signer_position TEXT,
  authority TEXT,
  signing_for TEXT,
  secrecy TEXT,
  urgency TEXT,
  circulation TEXT,
  withdrawn_on TEXT,
  withdrawn_reason TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_number_given ON documents (org_id, issuing_body, series, term_id, number)
  WHERE direction = 'outgoing' AND number IS NOT NULL;
CREATE INDEX documents_register ON documents (org_path, issued_on);
CREATE INDEX documents_org ON documents (org_id, direction, issued_on);

-- The last number given in each series (org, issuing body, series, term).
CREATE TABLE document_series (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  issuing_body TEXT NOT NULL,
  series TEXT NOT NULL,
  term_id BIGINT NOT NULL,
  last_number BIGINT NOT NULL,
  PRIMARY KEY (org_id, issuing_body, series, term_id)
);

-- Where an outgoing document goes: an organization of the tree or a free line.
CREATE TABLE document_recipients (
  document_id BIGINT NOT NULL REFERENCES documents (id),
  position INTEGER NOT NULL,
  org_id BIGINT REFERENCES organizations (id),
  line TEXT,
  PRIMARY KEY (document_id, position)
);

-- An incoming document passed down to organizations below the one that entered it.
CREATE TABLE document_forwards (
  id {{id}},
  document_id BIGINT NOT NULL REFERENCES documents (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  forwarded_on TEXT NOT NULL,
  note TEXT,
  actor TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (document_id, org_id)
);
CREATE INDEX document_forwards_path ON document_forwards (org_path);

-- Attachments: metadata here; the content by its SHA-256 in document_contents (PostgreSQL) or
-- in the folder <database file>.attachments/ beside a SQLite file. A removed attachment keeps
-- its row (removed_at set) and its content.
CREATE TABLE document_attachments (
  id {{id}},
  document_id BIGINT NOT NULL REFERENCES documents (id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT,
  removed_at TEXT,
  removed_by TEXT,
  removed_reason TEXT
);
CREATE INDEX document_attachments_document ON document_attachments (document_id);

-- An organization's own issuer abbreviations by issuing body (a bloc committee prints ĐUK where
-- its kind's default is TU); data/catalog/issuer_abbreviations.tsv holds the defaults.
CREATE TABLE document_issuer_overrides (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  issuing_body TEXT NOT NULL,
  abbreviation TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, issuing_body)
);
