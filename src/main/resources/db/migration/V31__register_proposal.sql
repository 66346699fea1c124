-- Số giữ chỗ của sổ quyết định (issue 12): when the văn thư opens "Văn thư vào số, ngày ký quyết định" for a
-- case awaiting registration, the register reserves a number for that case; the văn thư writes it on the
-- paper to be signed, and the registration takes exactly that number (AwardDecisions.reserve / issue).
-- One reservation per case (holder, e.g. "council-session:17"), one case per number of a year. Numbers are
-- chosen under the year's counter row lock (decision_number_counter); the unique key is the last guard.
-- A reservation ends when its case is registered (it becomes the decision) or ends without a decision.
create table decision_number_reservation (
    holder       varchar(64) primary key,
    number_year  int not null,
    number_value int not null,
    reserved_at  timestamp with time zone not null,
    constraint decision_number_reservation_uq unique (number_year, number_value)
);
