-- Số đề nghị của sổ (issue 12): the number the register proposed to a session's văn thư, and its year.
-- A văn thư who keeps the proposal asks for "the register's next number"; when another session took it
-- meanwhile, the registration takes the next free number under the year's counter lock instead of
-- failing (AwardDecisions, CouncilSessions.issueDecision). A number typed by hand is still checked as is.
alter table council_session add column proposed_decision_year integer;
alter table council_session add column proposed_decision_number integer;
