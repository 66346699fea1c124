-- Tra cứu và dòng thời gian hồ sơ (issue 9): the look-ups of the audit search and of a case's timeline,
-- each by the column it follows. Plain B-tree indexes, the same on H2 and PostgreSQL.
--
-- Already served by the leading column of an existing key, so not repeated here:
--   council_vote (session_id)      by council_vote_uq (session_id, dossier_id, member_id)
--   unit_score (round_id)          by unit_score_uq (round_id, unit_id, criterion_id)
--   block_vote (round_id)          by block_vote_uq (round_id, voter_unit_id)
--   block_result (round_id)        by block_result_uq (round_id, group_id)
--   launch_plan (campaign_id)      by launch_plan_campaign_unit_uq (campaign_id, unit_id)
--   evaluation_round (campaign_id) by evaluation_round_uq (campaign_id, round_year)
--   the records' process_instance_id by V12 and V14.
-- The nominee is searched by substring (lower(nominee_name) like '%…%'): no B-tree serves a pattern that
-- starts with a wildcard, so none is made for it; the dossier table is scanned, which stays cheap.
-- The engine's ACT_* tables are the engine's own: their indexes are not touched here.

-- A dossier's story: its status changes, its rules' verdicts, its sessions, votes and decision.
create index dossier_status_history_dossier_idx on dossier_status_history (dossier_id);
create index dossier_status_history_actor_idx on dossier_status_history (actor);
create index dossier_rule_result_dossier_idx on dossier_rule_result (dossier_id);
create index council_session_dossier_dossier_idx on council_session_dossier (dossier_id);
create index council_vote_dossier_idx on council_vote (dossier_id);
create index decision_awardee_dossier_idx on decision_awardee (dossier_id);
create index council_session_decision_idx on council_session (decision_code);
create index block_result_flag_dossier_idx on block_result (flag_dossier_id);

-- A launch plan's story: its rounds of sending, the Board's reviews, the urgings.
create index launch_plan_submission_plan_idx on launch_plan_submission (launch_plan_id);
create index launch_plan_review_plan_idx on launch_plan_review (launch_plan_id);
create index launch_plan_urging_plan_idx on launch_plan_urging (launch_plan_id);

-- The search's filters: campaign and year, the proposing unit, the plan's unit, the review's campaign.
create index dossier_campaign_year_idx on dossier (campaign_id, award_year);
create index dossier_proposing_unit_idx on dossier (proposing_unit_id);
create index launch_plan_unit_idx on launch_plan (unit_id);
create index review_report_campaign_idx on review_report (campaign_id, review_year);
