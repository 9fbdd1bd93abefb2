-- The removal list's dues side at the root under 100 ms (issue 14): each standing also keeps the
-- member's payments summed (their dues parts, `amount`), written with unpaid_from in the
-- transaction of every dues write of the member and by `chibo demo`, so the list reads no payment
-- row (payments are pooled oldest month first: the sum is all the months' standing needs).
-- `chibo check` recounts it.
ALTER TABLE dues_standings ADD COLUMN paid BIGINT NOT NULL DEFAULT 0;
UPDATE dues_standings SET paid = COALESCE((SELECT SUM(p.amount) FROM dues_payments p
  WHERE p.member_id = dues_standings.member_id), 0);
