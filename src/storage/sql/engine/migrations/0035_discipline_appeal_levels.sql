-- Appeals up the levels (issue 15; domain/discipline/appeal.h): every appeal of a case, the first
-- first, as JSON (the body it went to, received, decided, outcome, the outcome's receipt). The
-- appeal_* columns keep the last appeal's days and the outcome the appeals leave, which the
-- queries filter on. NULL on cases from before: their one appeal is read from those columns.
ALTER TABLE discipline_cases ADD COLUMN appeals TEXT;
