-- Tra cứu lịch sử khen thưởng của một người (GET /api/award-history?person=…; issue 12): found by the prefix of
-- the nominee key ("I|<họ và tên chuẩn hoá>|<năm sinh>|…", like 'I|…|%'). A B-tree serves a LIKE prefix in
-- PostgreSQL only with the pattern operator class (the database's collation is not C). H2 needs nothing more:
-- its index on nominee_key (V5) serves the prefix.
create index if not exists dossier_nominee_key_prefix_idx on dossier (nominee_key varchar_pattern_ops);
