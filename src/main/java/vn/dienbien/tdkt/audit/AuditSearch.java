package vn.dienbien.tdkt.audit;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tra cứu hồ sơ: one search over every kind of case (launch plans, dossiers, council sessions and
 * through them decisions, evaluation rounds, reviews, revocations of awards), read-only. A page is two
 * queries, the count and the page; an export reads every matching case with a streaming query and hands
 * each row on as the database returns it, keeping none.
 */
@Service
class AuditSearch {

    /** Rows the driver fetches at a time when streaming (PostgreSQL honours it inside a transaction only). */
    static final int FETCH_SIZE = 500;

    /** One page of results and how many cases match in all. */
    record CasePage(List<CaseSummary> items, int page, int size, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final boolean postgres;

    AuditSearch(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        String product = jdbc.getJdbcTemplate().execute((ConnectionCallback<String>) connection -> {
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName();
        });
        this.postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * On PostgreSQL, the pages read after this in the transaction are planned with the values they are given. The
     * driver prepares a statement on the server after its fifth use, and PostgreSQL then may keep one plan for any
     * value: for a name it guesses a handful of matches and sorts them all, where the plan for the actual value reads
     * the start-time index and stops after the page (issue 12, twenty-second pass: at 1,500 dossiers 6.6 ms against
     * 0.8 ms, and the sort grows with the matches). Planning the page anew costs about 3 ms, so the count, whose
     * plan does not depend on the value in that way, keeps the plan PostgreSQL chooses.
     */
    private void planWithTheValues() {
        if (postgres) {
            jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
        }
    }

    @Transactional(readOnly = true)
    CasePage search(CaseQuery query) {
        var count = CaseSearchSql.count(query.filter());
        var page = CaseSearchSql.page(query);
        if (count.isEmpty() || page.isEmpty()) {
            return new CasePage(List.of(), query.page(), query.size(), 0);
        }
        Long total = jdbc.queryForObject(count.get().sql(), count.get().params(), Long.class);
        planWithTheValues();
        List<CaseSummary> items = total == null || total <= query.offset() ? List.of()
                : query.sort() == CaseQuery.Sort.STARTED_AT ? byStartTime(query, total)
                : jdbc.query(page.get().sql(), page.get().params(), (rs, n) -> CaseRows.map(rs));
        return new CasePage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    /**
     * A page in the default order (start time, then case id; cases without a start last) in up to three
     * queries: the cases whose engine instance is there, read in the order of the start-time index and
     * stopping after the page (with 100,000 finished dossiers the former single query sorted every match:
     * 180 ms for "Thị"); only on the page where they run out, how many they were and the first cases without
     * an engine instance (history removed), by case id.
     */
    private List<CaseSummary> byStartTime(CaseQuery query, long total) {
        var started = CaseSearchSql.startedPage(query).orElseThrow();
        List<CaseSummary> items = new ArrayList<>(jdbc.query(started.sql(), started.params(),
                (rs, n) -> CaseRows.map(rs)));
        if (items.size() >= query.size() || total <= query.offset() + items.size()) {
            return items;
        }
        long withStart;
        if (items.isEmpty()) {
            var count = CaseSearchSql.startedCount(query.filter()).orElseThrow();
            Long n = jdbc.queryForObject(count.sql(), count.params(), Long.class);
            withStart = n == null ? 0 : n;
        } else {
            withStart = query.offset() + items.size();
        }
        long skip = Math.max(0, query.offset() - withStart);
        CaseSearchSql.unstartedPage(query, query.size() - items.size(), skip).ifPresent(rest ->
                items.addAll(jdbc.query(rest.sql(), rest.params(), (rs, n) -> CaseRows.map(rs))));
        return items;
    }

    /**
     * Every case matching the query, in its order, given to {@code sink} one at a time while the
     * database streams them (inside this read-only transaction, so that PostgreSQL uses a cursor).
     */
    @Transactional(readOnly = true)
    void each(CaseQuery query, Consumer<CaseSummary> sink) {
        planWithTheValues();
        CaseSearchSql.all(query).ifPresent(all ->
                streaming.query(all.sql(), all.params(), (RowCallbackHandler) rs -> sink.accept(CaseRows.map(rs))));
    }
}
