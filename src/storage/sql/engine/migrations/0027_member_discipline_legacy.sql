-- The member's discipline (personal history item 21) becomes the view of the decided discipline
-- cases in force (issue 15; domain/discipline/record.h), computed on each read and never stored.
-- The free text typed before the cases existed is kept, unchanged, as a read-only legacy note
-- shown beside that view to the same readers (discipline.read): nothing is lost, and nothing is
-- guessed (a free text names no sanction code, breach date or vote a case would need).
ALTER TABLE members RENAME COLUMN discipline TO discipline_legacy;
