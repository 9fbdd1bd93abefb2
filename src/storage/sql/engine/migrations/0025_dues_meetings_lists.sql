-- Issue 14: every list at 65,000 members under 100 ms, PostgreSQL included (docs/BENCHMARKS.md).
--
-- The month's roll-up sums each cell's payments of a month inside a subtree. Through
-- dues_payments_book (book_month, org_path) every one of the month's rows was a heap fetch: at the
-- root, 34,000 rows on 11,500 pages (a year of payments is interleaved by member). With the
-- summed columns in the index the sum is an index-only scan. It replaces dues_payments_book, of
-- which it is an extension (same leading columns).
CREATE INDEX dues_payments_book_sums ON dues_payments (book_month, org_path, org_id, amount, extra);
DROP INDEX dues_payments_book;

-- A subtree's meetings, newest first (GET /orgs/{id}/meetings): at the root every meeting matched
-- meetings_path and was sorted for a page of 50 (88,000 rows). Walking this index backwards stops
-- after the page; small subtrees keep meetings_path.
CREATE INDEX meetings_held ON meetings (held_on, id);
