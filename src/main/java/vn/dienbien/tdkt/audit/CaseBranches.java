package vn.dienbien.tdkt.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Các loại hồ sơ trong tra cứu: one SELECT per kind of case, all giving the same columns ({@code
 * case_id, kind, record_id, campaign_code, case_year, unit_code, unit_name, group_name, award_code,
 * award_name, nominee_name, status, own_decision, detail, detail_date, annulled_dossier_id}), each with
 * the filters that mean something for its kind, every value bound. A kind for which a filter means
 * nothing (a launch plan has no nominee, a review no unit) is left out while that filter is set.
 *
 * <p>What the filters mean per kind: a dossier's unit is its proposing unit and its year the award
 * year; a launch plan's unit is its unit and its year the campaign's first year; a council session's
 * year is the year it met, and it matches campaign, unit, block, award and nominee when one of the
 * dossiers it voted on does (so a nominee's search finds the session and its decision too); an
 * evaluation round matches a unit that scored itself or voted in it, and a block whose units scored. A
 * revocation case (thu hồi, hủy bỏ khen thưởng) has the campaign, year, unit, block, award and nominee of
 * the dossier whose award it takes back; its decision is the one that gave the award, and it is also found
 * by the annulment decision's number. {@code annulled_dossier_id} names the dossier whose annulment
 * decision the row shows: every dossier's own, and an approved revocation case's.
 */
final class CaseBranches {

    private static final String DOSSIER = """
            select d.process_instance_id as case_id, cast('DOSSIER' as varchar(20)) as kind, d.id as record_id,
                   c.code as campaign_code, d.award_year as case_year, u.code as unit_code, u.name as unit_name,
                   g.name as group_name, d.award_code as award_code, a.name as award_name,
                   d.nominee_name as nominee_name, d.status as status, cast(null as varchar(64)) as own_decision,
                   cast(null as varchar(500)) as detail, cast(null as date) as detail_date,
                   d.id as annulled_dossier_id
              from dossier d
              join campaign c on c.id = d.campaign_id
              join org_unit u on u.id = d.proposing_unit_id
              left join emulation_group g on g.id = u.emulation_group_id
              join award a on a.code = d.award_code
             where d.process_instance_id is not null""";

    private static final String LAUNCH_PLAN = """
            select lp.process_instance_id as case_id, cast('LAUNCH_PLAN' as varchar(20)) as kind, lp.id as record_id,
                   c.code as campaign_code, rd.period_year as case_year, u.code as unit_code, u.name as unit_name,
                   g.name as group_name, cast(null as varchar(32)) as award_code, cast(null as varchar(255)) as award_name,
                   cast(null as varchar(255)) as nominee_name, lp.status as status,
                   cast(null as varchar(64)) as own_decision,
                   cast(case when rd.kind = 'LAUNCH_PLAN' then coalesce('Kế hoạch phát động ' || lp.plan_number,
                        'Kế hoạch phát động') else rd.title end as varchar(500)) as detail,
                   cast(null as date) as detail_date, cast(null as bigint) as annulled_dossier_id
              from launch_plan lp
              join campaign c on c.id = lp.campaign_id
              join reporting_round rd on rd.id = lp.round_id
              join org_unit u on u.id = lp.unit_id
              left join emulation_group g on g.id = u.emulation_group_id
             where lp.process_instance_id is not null""";

    private static final String COUNCIL_SESSION = """
            select s.process_instance_id as case_id, cast('COUNCIL_SESSION' as varchar(20)) as kind, s.id as record_id,
                   cast(null as varchar(64)) as campaign_code, cast(extract(year from s.meeting_date) as int) as case_year,
                   cast(null as varchar(32)) as unit_code, cast(null as varchar(255)) as unit_name,
                   cast(null as varchar(255)) as group_name, cast(null as varchar(32)) as award_code,
                   cast(null as varchar(255)) as award_name, cast(null as varchar(255)) as nominee_name,
                   s.status as status, s.decision_code as own_decision, cast(s.title as varchar(500)) as detail,
                   s.meeting_date as detail_date, cast(null as bigint) as annulled_dossier_id
              from council_session s
             where s.process_instance_id is not null""";

    /** The dossiers of a session, for the dossier filters a session answers through them. */
    private static final String SESSION_DOSSIERS = """
             and exists (select 1 from council_session_dossier sd
                           join dossier d on d.id = sd.dossier_id
                           join campaign c on c.id = d.campaign_id
                           join org_unit u on u.id = d.proposing_unit_id
                           left join emulation_group g on g.id = u.emulation_group_id
                          where sd.session_id = s.id""";

    private static final String EVALUATION = """
            select r.process_instance_id as case_id, cast('EVALUATION' as varchar(20)) as kind, r.id as record_id,
                   c.code as campaign_code, r.round_year as case_year, cast(null as varchar(32)) as unit_code,
                   cast(null as varchar(255)) as unit_name, cast(null as varchar(255)) as group_name,
                   cast(null as varchar(32)) as award_code, cast(null as varchar(255)) as award_name,
                   cast(null as varchar(255)) as nominee_name, r.status as status,
                   cast(null as varchar(64)) as own_decision, cast(null as varchar(500)) as detail,
                   cast(null as date) as detail_date, cast(null as bigint) as annulled_dossier_id
              from evaluation_round r
              join campaign c on c.id = r.campaign_id
             where r.process_instance_id is not null""";

    private static final String REVIEW = """
            select rr.process_instance_id as case_id, cast('REVIEW' as varchar(20)) as kind, rr.id as record_id,
                   c.code as campaign_code, rr.review_year as case_year, cast(null as varchar(32)) as unit_code,
                   cast(null as varchar(255)) as unit_name, cast(null as varchar(255)) as group_name,
                   cast(null as varchar(32)) as award_code, cast(null as varchar(255)) as award_name,
                   cast(null as varchar(255)) as nominee_name, rr.status as status,
                   cast(null as varchar(64)) as own_decision, cast(rr.kind as varchar(500)) as detail,
                   cast(null as date) as detail_date, cast(null as bigint) as annulled_dossier_id
              from review_report rr
              join campaign c on c.id = rr.campaign_id
             where rr.process_instance_id is not null""";

    /**
     * A revocation case: its award's dossier {@code d} (with c, u, g, a joined as for a dossier), the
     * decision that gave the award ({@code de}, the row's decision) and the annulment decision once the
     * Chairman approved ({@code an}, shown as the row's revocation through {@code annulled_dossier_id}).
     */
    private static final String REVOCATION = """
            select rq.process_instance_id as case_id, cast('REVOCATION' as varchar(20)) as kind, rq.id as record_id,
                   c.code as campaign_code, d.award_year as case_year, u.code as unit_code, u.name as unit_name,
                   g.name as group_name, d.award_code as award_code, a.name as award_name,
                   d.nominee_name as nominee_name, rq.status as status, de.code as own_decision,
                   cast(rq.kind as varchar(500)) as detail, cast(null as date) as detail_date,
                   an.dossier_id as annulled_dossier_id
              from award_revocation rq
              join dossier d on d.id = rq.dossier_id
              join campaign c on c.id = d.campaign_id
              join org_unit u on u.id = d.proposing_unit_id
              left join emulation_group g on g.id = u.emulation_group_id
              join award a on a.code = d.award_code
              join decision de on de.id = rq.decision_id
              left join award_annulment an on an.id = rq.annulment_id
             where rq.process_instance_id is not null""";

    private CaseBranches() {
    }

    /** The branches that may match {@code f}, its values added to {@code params}; empty when no kind can. */
    static List<String> of(CaseQuery.Filter f, MapSqlParameterSource params) {
        List<String> branches = new ArrayList<>();
        dossiers(f, params).ifPresent(branches::add);
        launchPlans(f, params).ifPresent(branches::add);
        sessions(f, params).ifPresent(branches::add);
        evaluations(f, params).ifPresent(branches::add);
        reviews(f, params).ifPresent(branches::add);
        revocations(f, params).ifPresent(branches::add);
        return branches;
    }

    private static Optional<String> dossiers(CaseQuery.Filter f, MapSqlParameterSource params) {
        if (!applies(f, CaseLabels.Kind.DOSSIER)) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder(DOSSIER);
        dossierConditions(f, params, sql);
        if (f.status() != null) {
            sql.append(" and d.status = :status");
            params.addValue("status", f.status());
        }
        if (f.decision() != null) {
            sql.append(" and exists (select 1 from decision_awardee da join decision de on de.id = da.decision_id"
                    + " where da.dossier_id = d.id and lower(de.code) like lower(:decision) escape '!')");
            params.addValue("decision", contains(f.decision()));
        }
        return Optional.of(sql.toString());
    }

    /** Campaign, year, unit, block, award and nominee of a dossier {@code d} (with c, u, g joined). */
    private static void dossierConditions(CaseQuery.Filter f, MapSqlParameterSource params, StringBuilder sql) {
        campaign(f, params, sql);
        if (f.year() != null) {
            sql.append(" and d.award_year = :year");
            params.addValue("year", f.year());
        }
        unitAndGroup(f, params, sql);
        if (f.award() != null) {
            sql.append(" and d.award_code = :award");
            params.addValue("award", f.award());
        }
        if (f.nominee() != null) {
            // The name in lower case as the database keeps it (V43): no lower() of every candidate at each search.
            sql.append(" and d.nominee_name_lower like lower(:nominee) escape '!'");
            params.addValue("nominee", contains(f.nominee()));
        }
    }

    private static Optional<String> launchPlans(CaseQuery.Filter f, MapSqlParameterSource params) {
        if (!applies(f, CaseLabels.Kind.LAUNCH_PLAN) || f.award() != null || f.nominee() != null || f.decision() != null) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder(LAUNCH_PLAN);
        campaign(f, params, sql);
        if (f.year() != null) {
            sql.append(" and rd.period_year = :year");
            params.addValue("year", f.year());
        }
        unitAndGroup(f, params, sql);
        if (f.status() != null) {
            sql.append(" and lp.status = :status");
            params.addValue("status", f.status());
        }
        return Optional.of(sql.toString());
    }

    private static Optional<String> sessions(CaseQuery.Filter f, MapSqlParameterSource params) {
        if (!applies(f, CaseLabels.Kind.COUNCIL_SESSION)) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder(COUNCIL_SESSION);
        if (f.year() != null) {
            sql.append(" and s.meeting_date >= :yearStart and s.meeting_date < :yearEnd");
            params.addValue("yearStart", LocalDate.of(f.year(), 1, 1)).addValue("yearEnd", LocalDate.of(f.year() + 1, 1, 1));
        }
        if (f.campaign() != null || f.unit() != null || f.group() != null || f.award() != null || f.nominee() != null) {
            sql.append("\n").append(SESSION_DOSSIERS);
            CaseQuery.Filter dossierFilter = new CaseQuery.Filter(null, f.campaign(), null, f.unit(), f.group(),
                    f.award(), f.nominee(), null, null, null, null, null);
            dossierConditions(dossierFilter, params, sql);
            sql.append(")");
        }
        if (f.status() != null) {
            sql.append(" and s.status = :status");
            params.addValue("status", f.status());
        }
        if (f.decision() != null) {
            sql.append(" and lower(s.decision_code) like lower(:decision) escape '!'");
            params.addValue("decision", contains(f.decision()));
        }
        return Optional.of(sql.toString());
    }

    private static Optional<String> evaluations(CaseQuery.Filter f, MapSqlParameterSource params) {
        if (!applies(f, CaseLabels.Kind.EVALUATION) || f.award() != null || f.nominee() != null || f.decision() != null) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder(EVALUATION);
        campaign(f, params, sql);
        if (f.year() != null) {
            sql.append(" and r.round_year = :year");
            params.addValue("year", f.year());
        }
        if (f.unit() != null) {
            // A unit took part in a round when it scored itself or voted in its block.
            sql.append(" and (exists (select 1 from unit_score us join org_unit su on su.id = us.unit_id"
                    + " where us.round_id = r.id and su.code = :unit)"
                    + " or exists (select 1 from block_vote bv join org_unit vu on vu.id = bv.voter_unit_id"
                    + " where bv.round_id = r.id and vu.code = :unit))");
            params.addValue("unit", f.unit());
        }
        if (f.group() != null) {
            sql.append(" and exists (select 1 from unit_score us join org_unit su on su.id = us.unit_id"
                    + " join emulation_group sg on sg.id = su.emulation_group_id where us.round_id = r.id and sg.code = :group)");
            params.addValue("group", f.group());
        }
        if (f.status() != null) {
            sql.append(" and r.status = :status");
            params.addValue("status", f.status());
        }
        return Optional.of(sql.toString());
    }

    private static Optional<String> reviews(CaseQuery.Filter f, MapSqlParameterSource params) {
        if (!applies(f, CaseLabels.Kind.REVIEW) || f.unit() != null || f.group() != null || f.award() != null
                || f.nominee() != null || f.decision() != null) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder(REVIEW);
        campaign(f, params, sql);
        if (f.year() != null) {
            sql.append(" and rr.review_year = :year");
            params.addValue("year", f.year());
        }
        if (f.status() != null) {
            sql.append(" and rr.status = :status");
            params.addValue("status", f.status());
        }
        return Optional.of(sql.toString());
    }

    /**
     * Revocation cases answer the dossier filters through the award they take back, and a decision
     * number through both the decision that gave the award and the annulment decision.
     */
    private static Optional<String> revocations(CaseQuery.Filter f, MapSqlParameterSource params) {
        if (!applies(f, CaseLabels.Kind.REVOCATION)) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder(REVOCATION);
        dossierConditions(f, params, sql);
        if (f.status() != null) {
            sql.append(" and rq.status = :status");
            params.addValue("status", f.status());
        }
        if (f.decision() != null) {
            sql.append(" and (lower(de.code) like lower(:decision) escape '!'"
                    + " or lower(an.code) like lower(:decision) escape '!')");
            params.addValue("decision", contains(f.decision()));
        }
        return Optional.of(sql.toString());
    }

    /** The kind is asked for (or no kind is), and a status asked for is one of its statuses. */
    private static boolean applies(CaseQuery.Filter f, CaseLabels.Kind kind) {
        return (f.kind() == null || f.kind() == kind) && (f.status() == null || kind.hasStatus(f.status()));
    }

    private static void campaign(CaseQuery.Filter f, MapSqlParameterSource params, StringBuilder sql) {
        if (f.campaign() != null) {
            sql.append(" and c.code = :campaign");
            params.addValue("campaign", f.campaign());
        }
    }

    private static void unitAndGroup(CaseQuery.Filter f, MapSqlParameterSource params, StringBuilder sql) {
        if (f.unit() != null) {
            sql.append(" and u.code = :unit");
            params.addValue("unit", f.unit());
        }
        if (f.group() != null) {
            sql.append(" and g.code = :group");
            params.addValue("group", f.group());
        }
    }

    /** A LIKE pattern for a substring: the typed text with its wildcards escaped by '!'. */
    static String contains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
