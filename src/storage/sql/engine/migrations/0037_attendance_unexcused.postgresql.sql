-- The removal list's meetings side (issue 14): the unexcused absences of a subtree in a year are
-- the only rows read by status. They sat on 5,000 heap pages of the million attendance rows at
-- 65,000 members (a bitmap heap scan, 57 ms); a partial index of those rows alone, covering the
-- columns read, answers from the index (5 ms). It replaces the status index of 0018, which served
-- only that query.
DROP INDEX meeting_attendance_status;
CREATE INDEX meeting_attendance_unexcused ON meeting_attendance (org_path, held_on)
  INCLUDE (member_id, kind, meeting_id) WHERE status = 'absent_unexcused' AND counted = 1;
