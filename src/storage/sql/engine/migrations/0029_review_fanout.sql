-- Opening a review campaign fans out in the background (issue 15; app/review_fanout.h): above
-- --fanout-inline-max organizations the request records the campaign with fanout_state
-- 'running' and schedules a "review_fanout" job run, which writes the units in path order, one
-- batch per transaction with the cursor (the last path written) and the batch count below.
-- Campaigns opened before were fanned out in their request: done, every unit written.
ALTER TABLE review_campaigns ADD COLUMN fanout_state TEXT NOT NULL DEFAULT 'done';
ALTER TABLE review_campaigns ADD COLUMN fanout_total BIGINT NOT NULL DEFAULT 0;
-- NULL: no batch written yet.
ALTER TABLE review_campaigns ADD COLUMN fanout_cursor {{key_text}};
ALTER TABLE review_campaigns ADD COLUMN fanout_batches BIGINT NOT NULL DEFAULT 0;
ALTER TABLE review_campaigns ADD COLUMN fanout_finished_at TEXT;
UPDATE review_campaigns SET fanout_total = units;
