package vn.dienbien.tdkt.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Câu truy vấn tra cứu: the SQL of the audit search, put together only from the fixed fragments
 * below, each filter's value bound as a parameter (never written into the text). Runs on H2 and
 * PostgreSQL alike.
 *
 * <p>The kinds of case are the branches of a {@code union all} ({@link CaseBranches}). The case's
 * start and end come from the engine's {@code ACT_HI_PROCINST}, joined by the case id (left join: a
 * case whose engine history was cleaned up is still found); the person who acted and the dates filter
 * on the whole union. A page is sorted by a whitelisted column, then by the case id, so that pages
 * never overlap.
 */
final class CaseSearchSql {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A statement and its bound values. */
    record Statement(String sql, MapSqlParameterSource params) {
    }

    /**
     * The cases in which a person acted: assignee of a task, author of an operation the engine logged
     * (completing, claiming, changing a variable), the one who started the case, or the actor our
     * records name (status changes, sending and reviewing a plan, opening and submitting a session,
     * ballots, rounds and reviews, asking for, checking and deciding a revocation).
     */
    private static final String ACTOR_CASES = """
             and c.case_id in (
                   select t.PROC_INST_ID_ from ACT_HI_TASKINST t where t.ASSIGNEE_ = :actor
             union select o.PROC_INST_ID_ from ACT_HI_OP_LOG o where o.USER_ID_ = :actor
             union select hp.ID_ from ACT_HI_PROCINST hp where hp.START_USER_ID_ = :actor
             union select d.process_instance_id from dossier d where d.created_by = :actor
             union select d.process_instance_id from dossier_status_history h join dossier d on d.id = h.dossier_id
                    where h.actor = :actor
             union select lp.process_instance_id from launch_plan_submission ls
                    join launch_plan lp on lp.id = ls.launch_plan_id where ls.sent_by = :actor
             union select lp.process_instance_id from launch_plan_review lr
                    join launch_plan lp on lp.id = lr.launch_plan_id where lr.reviewer = :actor
             union select s.process_instance_id from council_session s
                    where s.opened_by = :actor or s.submitted_by = :actor or s.voting_closed_by = :actor
                       or s.adjourned_by = :actor
             union select s.process_instance_id from council_vote v join council_session s on s.id = v.session_id
                    where v.member_id = :actor or v.recorded_by = :actor
             union select r.process_instance_id from evaluation_round r where r.opened_by = :actor
             union select rr.process_instance_id from review_report rr
                    where rr.prepared_by = :actor or rr.approved_by = :actor
             union select rq.process_instance_id from award_revocation rq
                    where rq.requested_by = :actor or rq.checked_by = :actor or rq.decided_by = :actor)""";

    /** What a row shows; {@code %s} is where the dossier's decision comes from (see {@link #page}, {@link #all}). */
    private static final String COLUMNS = """
            select c.case_id, c.kind, c.record_id, c.campaign_code, c.case_year, c.unit_code, c.unit_name, c.group_name,
                   c.award_code, c.award_name, c.nominee_name, c.status, c.detail, c.detail_date,
                   coalesce(c.own_decision, %s) as decision_code,
                   p.START_TIME_ as started_at, p.END_TIME_ as ended_at,
                   rv.kind as revocation_kind, rv.code as revocation_code, rv.signed_on as revocation_signed_on""";

    /**
     * The award revoked or annulled that a row shows: a dossier's, or an approved revocation case's (at
     * most one per dossier: a unique column).
     */
    private static final String REVOCATION_JOINED = """
             left join award_annulment rv on rv.dossier_id = c.annulled_dossier_id""";

    /** A dossier's decision, looked up row by row: PostgreSQL evaluates it after the sort, for the page's rows only. */
    private static final String DECISION_PER_ROW = """
            (select max(de.code) from decision de where de.id in
                (select da.decision_id from decision_awardee da where da.dossier_id = c.record_id and c.kind = 'DOSSIER'))""";

    /** Every dossier's decision in one pass, for reading every row (the exports) or sorting by it. */
    private static final String DECISIONS_JOINED = """
             left join (select da.dossier_id, max(de.code) as decision_code
                          from decision_awardee da join decision de on de.id = da.decision_id
                         group by da.dossier_id) dd on dd.dossier_id = c.record_id and c.kind = 'DOSSIER'""";

    private CaseSearchSql() {
    }

    /**
     * Past this many rows skipped, a page reads every dossier's decision in one pass: the rows skipped
     * would otherwise each look theirs up.
     */
    static final long DECISIONS_JOINED_FROM_OFFSET = 500;

    /** One page of the query, in its order; empty when no kind of case can match its filters. */
    static Optional<Statement> page(CaseQuery query) {
        boolean joined = query.sort() == CaseQuery.Sort.DECISION_CODE || query.offset() >= DECISIONS_JOINED_FROM_OFFSET;
        return from(query.filter()).map(from -> {
            from.params().addValue("limit", query.size()).addValue("offset", query.offset());
            return new Statement(rows(from.cases(), from.where(), joined) + orderBy(query)
                    + " limit :limit offset :offset", from.params());
        });
    }

    /**
     * The default order (start time) only: one page of the cases whose engine instance is still there, joined
     * (not left joined) to it, so that PostgreSQL reads them in the order of an index on the start time and stops
     * after the page instead of sorting every match ({@link AuditSearch#search}). The cases whose engine history
     * was removed sort last (no start time) and come from {@link #unstartedPage}.
     */
    static Optional<Statement> startedPage(CaseQuery query) {
        boolean joined = query.offset() >= DECISIONS_JOINED_FROM_OFFSET;
        return from(query.filter()).map(from -> {
            from.params().addValue("limit", query.size()).addValue("offset", query.offset());
            return new Statement(rows(from.started(), from.where(), joined) + orderBy(query)
                    + " limit :limit offset :offset", from.params());
        });
    }

    /** How many matching cases still have their engine instance (asked only at the boundary of the two parts). */
    static Optional<Statement> startedCount(CaseQuery.Filter filter) {
        return from(filter).map(from -> new Statement("select count(*) from " + from.started() + from.where(),
                from.params()));
    }

    /**
     * Cases without an engine instance (history removed), by case id: the end of a list sorted by start time.
     * None when a date is filtered on (a case without a start matches no date).
     */
    static Optional<Statement> unstartedPage(CaseQuery query, int limit, long offset) {
        if (query.filter().from() != null || query.filter().to() != null) {
            return Optional.empty();
        }
        return from(query.filter()).map(from -> {
            from.params().addValue("limit", limit).addValue("offset", offset);
            return new Statement(rows(from.cases(), from.where() + " and p.ID_ is null", true)
                    + " order by c.case_id asc limit :limit offset :offset", from.params());
        });
    }

    /** How many cases match the filters. */
    static Optional<Statement> count(CaseQuery.Filter filter) {
        return from(filter).map(from -> new Statement("select count(*) from " + from.cases() + from.where(),
                from.params()));
    }

    /** Every matching case, in the query's order (the exports). */
    static Optional<Statement> all(CaseQuery query) {
        return from(query.filter()).map(from -> new Statement(rows(from.cases(), from.where(), true) + orderBy(query),
                from.params()));
    }

    private static String rows(String cases, String where, boolean decisionsJoined) {
        return COLUMNS.formatted(decisionsJoined ? "dd.decision_code" : DECISION_PER_ROW) + "\n from " + cases
                + (decisionsJoined ? "\n" + DECISIONS_JOINED : "") + "\n" + REVOCATION_JOINED + where;
    }

    private static String orderBy(CaseQuery query) {
        String column = switch (query.sort()) {
            case STARTED_AT -> "p.START_TIME_";
            case YEAR -> "c.case_year";
            case KIND -> "c.kind";
            case UNIT_NAME -> "c.unit_name";
            case NOMINEE_NAME -> "c.nominee_name";
            case STATUS -> "c.status";
            case DECISION_CODE -> "decision_code";
        };
        return " order by " + column + (query.descending() ? " desc" : " asc") + " nulls last, c.case_id asc";
    }

    /** The cases of every kind that may match, joined to the engine's instance, and the conditions on both. */
    private record From(String union, String where, MapSqlParameterSource params) {
        /** Every case, with its engine instance when there is one. */
        String cases() {
            return union + " left join ACT_HI_PROCINST p on p.ID_ = c.case_id";
        }

        /** Only the cases whose engine instance is there. */
        String started() {
            return union + " join ACT_HI_PROCINST p on p.ID_ = c.case_id";
        }
    }

    private static Optional<From> from(CaseQuery.Filter f) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> branches = CaseBranches.of(f, params);
        if (branches.isEmpty()) {
            return Optional.empty();
        }
        String cases = "(\n" + String.join("\n union all\n", branches) + "\n) c";
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (f.actor() != null) {
            where.append("\n").append(ACTOR_CASES);
            params.addValue("actor", f.actor());
        }
        if (f.from() != null) {
            where.append(" and p.START_TIME_ >= :startedFrom");
            params.addValue("startedFrom", startOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" and p.START_TIME_ < :startedBefore");
            params.addValue("startedBefore", startOf(f.to().plusDays(1)));
        }
        return Optional.of(new From(cases, where.toString(), params));
    }

    /** The instant a day begins in Điện Biên, as the engine's timestamps are bound. */
    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(VIETNAM).toInstant());
    }
}
