-- The working-day calendar holds, per year, public holidays (HOLIDAY), compensatory days off
-- (COMPENSATORY_DAY_OFF: ngày nghỉ bù / nghỉ hoán đổi) and the Saturdays worked in exchange
-- (WORKING_SATURDAY: ngày làm bù). The Board maintains it through /api/calendar/{year}.
alter table public_holiday add column kind varchar(32) default 'HOLIDAY' not null;

-- A year whose calendar the Board has entered (confirmed complete). Time limits that reach a year
-- without a row here are flagged to the Board instead of silently counting only weekends.
create table calendar_year (
    calendar_year integer      primary key,
    confirmed_by  varchar(64)  not null,
    confirmed_at  timestamp with time zone not null
);

-- 10/3 âm lịch 2022 was Sunday 10/4; Monday 11/4 was the compensatory day off.
update public_holiday set kind = 'COMPENSATORY_DAY_OFF',
    name = 'Nghỉ bù Giỗ Tổ Hùng Vương (10/4 là Chủ nhật)' where holiday_date = date '2022-04-11';

-- Compensatory days off and working Saturdays 2021–2026, from the government's yearly
-- announcements of the holiday schedule for civil servants (a holiday falling on a Saturday or
-- Sunday is taken on the next working day; a swapped day off is worked on a Saturday).
-- Rows marked "dự kiến" are not certain and are to be checked by the Board.
insert into public_holiday (holiday_date, name, kind) values
    (date '2021-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (1/5 là thứ Bảy)', 'COMPENSATORY_DAY_OFF'),
    (date '2022-01-03', 'Nghỉ bù Tết Dương lịch (1/1 là thứ Bảy)', 'COMPENSATORY_DAY_OFF'),
    (date '2022-04-10', 'Giỗ Tổ Hùng Vương', 'HOLIDAY'),
    (date '2022-05-02', 'Nghỉ bù Ngày Chiến thắng 30/4 (thứ Bảy)', 'COMPENSATORY_DAY_OFF'),
    (date '2022-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (1/5 là Chủ nhật)', 'COMPENSATORY_DAY_OFF'),
    (date '2023-01-02', 'Nghỉ bù Tết Dương lịch (1/1 là Chủ nhật)', 'COMPENSATORY_DAY_OFF'),
    (date '2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương (29/4 là thứ Bảy)', 'COMPENSATORY_DAY_OFF'),
    (date '2023-05-03', 'Nghỉ bù Ngày Chiến thắng 30/4 (Chủ nhật)', 'COMPENSATORY_DAY_OFF'),
    (date '2023-09-04', 'Nghỉ bù Quốc khánh (2/9 là thứ Bảy)', 'COMPENSATORY_DAY_OFF'),
    (date '2024-04-29', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 4/5/2024)', 'COMPENSATORY_DAY_OFF'),
    (date '2024-05-04', 'Làm bù cho ngày nghỉ 29/4/2024', 'WORKING_SATURDAY'),
    (date '2025-04-26', 'Làm bù cho ngày nghỉ 2/5/2025', 'WORKING_SATURDAY'),
    (date '2025-05-02', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4/2025)', 'COMPENSATORY_DAY_OFF'),
    (date '2026-01-02', 'Nghỉ hoán đổi sau Tết Dương lịch (dự kiến)', 'COMPENSATORY_DAY_OFF'),
    (date '2026-01-10', 'Làm bù cho ngày nghỉ 2/1/2026 (dự kiến)', 'WORKING_SATURDAY'),
    (date '2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', 'COMPENSATORY_DAY_OFF');

-- 2021–2026 are entered; 2027 onwards hold only estimated holidays and wait for the Board.
insert into calendar_year (calendar_year, confirmed_by, confirmed_at) values
    (2021, 'he-thong', current_timestamp),
    (2022, 'he-thong', current_timestamp),
    (2023, 'he-thong', current_timestamp),
    (2024, 'he-thong', current_timestamp),
    (2025, 'he-thong', current_timestamp),
    (2026, 'he-thong', current_timestamp);
