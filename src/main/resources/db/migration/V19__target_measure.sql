-- How each indicator is measured (issue 8, item 5): LEVEL (a value reached by the end of the
-- period), YEARLY_RATE (each year's value against the yearly target) or CUMULATIVE (a total over
-- the period: the sum of the years so far against the pro-rata share of the period total).
alter table target add column measure varchar(16) default 'LEVEL' not null;

-- The indicators of 383/KH-UBND already loaded: the same reading as the seed file.
update target set measure = 'YEARLY_RATE'
 where code in ('1.1.01', '1.1.10', '1.1.11', '1.1.13', '1.2.02', '1.2.03', '1.2.06', '1.2.09', '1.2.10',
                '1.2.11', '1.4.01', '1.4.02', '1.4.05')
   and campaign_id in (select id from campaign where code = '383/KH-UBND');
update target set measure = 'CUMULATIVE'
 where code in ('1.1.08', '1.1.14')
   and campaign_id in (select id from campaign where code = '383/KH-UBND');
