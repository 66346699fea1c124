-- Khóa ngoại có chỉ mục (issue 12): every foreign key of our tables gets an index led by its column, so
-- that following a reference (a unit's officials, a decision's annulments, a block's votes) and checking
-- a parent's removal read the rows concerned, not the whole table. PostgreSQL does not index a foreign
-- key by itself (H2 does, silently, which hid the gap in the tests). ForeignKeyIndexesTest keeps it so:
-- a new foreign key without an index fails the build. Plain B-tree indexes, the same on H2 and PostgreSQL.
--
-- Already led by the column in a primary key, unique constraint or earlier index, so not repeated here:
-- every (dossier_id) of dossier_status_history, dossier_rule_result, council_session_dossier, council_vote
-- and decision_awardee (V20); launch_plan (campaign_id, unit_id, round_id); the launch plan's
-- submissions, reviews and urgings (V20); dossier (campaign_id, proposing_unit_id); notification (unit_id);
-- the (round_id), (session_id), (table_id), (target_id), (campaign_id) keys of V9, V10, V13, V14, V16, V26;
-- and the leading columns of the join tables' primary keys (official_role, award_required_document,
-- dossier_document, decision_awardee, council_session_member, council_session_absence, exemplary_model,
-- notification_read, award_certificate, process_migration_case, process_migration_mapping).

-- The registry: a block's units, a unit's officials, a unit's uploads.
create index if not exists org_unit_group_idx on org_unit (emulation_group_id);
create index if not exists official_unit_idx on official (unit_id);
create index if not exists stored_document_owner_unit_idx on stored_document (owner_unit_id);

-- Documents attached to records (looked up when a document's owner is checked or a record shown).
create index if not exists launch_plan_document_idx on launch_plan (document_id);
create index if not exists launch_plan_submission_document_idx on launch_plan_submission (document_id);
create index if not exists dossier_document_document_idx on dossier_document (document_id);
create index if not exists block_result_minutes_document_idx on block_result (minutes_document_id);
create index if not exists decision_scan_document_idx on decision (scan_document_id);

-- Dossiers: by award, by the nominated unit (a unit's award history), by the block a Flag dossier leads.
create index if not exists dossier_award_idx on dossier (award_code);
create index if not exists dossier_nominee_unit_idx on dossier (nominee_unit_id);
create index if not exists dossier_led_group_idx on dossier (led_group_id);

-- Yearly evaluation: a unit's scores, a criterion's scores, a block's votes, reviews and results.
create index if not exists target_responsible_unit_idx on target (responsible_unit_id);
create index if not exists unit_score_unit_idx on unit_score (unit_id);
create index if not exists unit_score_criterion_idx on unit_score (criterion_id);
create index if not exists block_vote_group_idx on block_vote (group_id);
create index if not exists block_vote_voter_unit_idx on block_vote (voter_unit_id);
create index if not exists block_vote_voted_unit_idx on block_vote (voted_unit_id);
create index if not exists block_result_group_idx on block_result (group_id);
create index if not exists block_result_elected_unit_idx on block_result (elected_unit_id);
create index if not exists block_review_group_idx on block_review (group_id);

-- The final review's exemplary models, by dossier.
create index if not exists exemplary_model_dossier_idx on exemplary_model (dossier_id);

-- Revocation: a decision's annulments and revocation requests, the annulment a request led to.
create index if not exists award_annulment_decision_idx on award_annulment (decision_id);
create index if not exists award_revocation_decision_idx on award_revocation (decision_id);
create index if not exists award_revocation_annulment_idx on award_revocation (annulment_id);

