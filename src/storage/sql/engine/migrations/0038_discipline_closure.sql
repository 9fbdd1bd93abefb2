-- A case closed without a sanction (domain/discipline/closure.h): the day, the ground
-- (limitation_expired, not_disciplined) and the competent body's conclusion. All NULL unless the
-- case's state is 'closed'.
ALTER TABLE discipline_cases ADD COLUMN closed_on TEXT;
ALTER TABLE discipline_cases ADD COLUMN closure_ground TEXT;
ALTER TABLE discipline_cases ADD COLUMN closure_note TEXT;
