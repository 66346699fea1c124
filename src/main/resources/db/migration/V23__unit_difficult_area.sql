-- Đơn vị ở vùng đặc biệt khó khăn: the law asks the council to give priority to collectives and
-- people there (Plan 383 II.2.5). The registry marks the province's poor districts of 2021–2025
-- (Quyết định 353/QĐ-TTg ngày 15/3/2022); the registry file sets it for a fresh database, this
-- update for one seeded before the column existed.
alter table org_unit add column especially_difficult_area boolean default false not null;
update org_unit set especially_difficult_area = true
 where code in ('MANG', 'TGIAO', 'DBDONG', 'MCHA', 'MNHE', 'NAMPO', 'TCHUA');
