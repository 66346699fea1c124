-- Comments, reasons and notes typed in forms hold up to 3,900 characters (the engine keeps a form
-- value in 4,000): every column that stores one takes 4,000.
alter table launch_plan_review alter column reason set data type varchar(4000);
alter table launch_plan_urging alter column note set data type varchar(4000);
alter table dossier alter column outcome_reason set data type varchar(4000);
alter table dossier_status_history alter column reason set data type varchar(4000);
alter table council_session_dossier alter column excluded_reason set data type varchar(4000);
alter table unit_score alter column evidence set data type varchar(4000);
alter table unit_score alter column adjust_reason set data type varchar(4000);
alter table review_report alter column chairman_note set data type varchar(4000);
