-- The compliance board at the national root (5.6 million members, 530,000 organizations) on
-- SQLite walked whole tables for sources that concern a few rows:
-- "probation ended, not yet recognized" walked every member of the subtree (members_subtree) to
-- find the probationary ones (0.9 s); this index holds only them, by path, with their end date.
CREATE INDEX members_probation_subtree ON members (org_path, probation_ends_on)
  WHERE status = 'probationary';
-- The structure warnings each concern one or a few kinds of organization (base cells too
-- large, base committees too small): active organizations by kind, then path (0.45 s -> 0.05 s
-- each at the root).
CREATE INDEX organizations_active_kind ON organizations (kind, path) WHERE status = 'active';
