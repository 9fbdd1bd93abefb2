-- Directives, part two (issue 13).
--
-- A large fan-out (a directive to every cell of the country: 468,000 organizations) runs in the
-- background: the request records what to assign here and schedules a "fanout" job
-- (jobs.payload names the row); the job works through the targets in path order, one batch
-- per transaction: the batch's assignments, their roll-up adjustments, this row's cursor and
-- the job step's done mark commit together, so that a process killed in the middle neither
-- loses nor repeats a batch (and directive_assignments_target stays the last guard).
CREATE TABLE directive_fanouts (
  id {{id}},
  directive_id BIGINT NOT NULL REFERENCES directives (id),
  -- The assignment passed down (NULL: assigned by the issuer) and the assigning organization.
  parent_id BIGINT REFERENCES directive_assignments (id),
  assigner_org_id BIGINT NOT NULL REFERENCES organizations (id),
  -- JSON: [{"task_id": 1, "due_on": "2026-12-31"}, ...]
  tasks TEXT NOT NULL,
  -- The target: children, kind (target_kind), orgs (target_orgs: JSON array of ids).
  target_mode TEXT NOT NULL CHECK (target_mode IN ('children', 'kind', 'orgs')),
  target_kind TEXT,
  target_orgs TEXT,
  note TEXT,
  plan_document_id BIGINT REFERENCES documents (id),
  plan_number TEXT,
  state TEXT NOT NULL CHECK (state IN ('running', 'done')),
  -- Assignments to consider (targets x tasks), considered so far, created, skipped (existing
  -- already, or an organization that closed meanwhile).
  total BIGINT NOT NULL,
  done BIGINT NOT NULL,
  created BIGINT NOT NULL,
  skipped BIGINT NOT NULL,
  batches BIGINT NOT NULL,
  -- The path of the last target done (NULL: none yet): the next batch starts after it.
  cursor_path {{key_text}},
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX directive_fanouts_directive ON directive_fanouts (directive_id, id);

-- The list's search: title and number folded (no diacritics, lower case; text::fold) so that
-- "nghi quyet" finds "Nghị quyết" on both engines. NULL: not folded yet (rows written before
-- this migration): chibo folds them at start (storage/sql/directives/directive_search.cpp).
ALTER TABLE directives ADD COLUMN search_text TEXT;
CREATE INDEX directives_issued ON directives (issued_on, id);
