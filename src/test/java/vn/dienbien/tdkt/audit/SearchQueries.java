package vn.dienbien.tdkt.audit;

import static vn.dienbien.tdkt.audit.AuditBenchmark.encode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's searches, as an auditor types them: a piece of a nominee's name, a unit, a status, a
 * year, a person who acted, a date range, a decision number, and some of them together; each on a
 * sorted page (sometimes a deep one). Values are drawn from the loaded cases.
 */
final class SearchQueries {

    /** A search: what kind it is (for the figures) and its query string. */
    record Query(String kind, String query, Map<String, String> params) {
    }

    private static final String[] SORTS = {"startedAt,desc", "nomineeName,asc", "year,desc", "unitName,asc",
        "status,asc", "decisionCode,desc", "kind,asc"};
    private static final String[] STATUSES = {"AWARDED", "NOT_AWARDED", "NOT_ELIGIBLE"};
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private final Random random;
    private final List<String> names;
    private final List<String> units;
    private final List<String> decisions;
    private final List<String> actors = new ArrayList<>(List.of("bantdkt", "chutich", "hoidong3", "thuongtruc.hd"));
    private final LocalDate first;
    private final LocalDate last;
    private final long cases;
    private int next;

    SearchQueries(JdbcTemplate jdbc, Random random) {
        this.random = random;
        this.names = jdbc.queryForList("select nominee_name from dossier order by id", String.class);
        this.units = jdbc.queryForList("select distinct u.code from dossier d join org_unit u on u.id ="
                + " d.proposing_unit_id order by u.code", String.class);
        this.decisions = jdbc.queryForList("select code from decision order by id", String.class);
        for (String unit : units) {
            actors.add("canbo." + unit.toLowerCase(java.util.Locale.ROOT));
            actors.add("lanhdao." + unit.toLowerCase(java.util.Locale.ROOT));
        }
        Map<String, Object> span = jdbc.queryForMap("select cast(min(START_TIME_) as date) as first_day,"
                + " cast(max(START_TIME_) as date) as last_day, count(*) as cases from ACT_HI_PROCINST");
        this.first = AuditBenchmark.day(span.get("first_day"));
        this.last = AuditBenchmark.day(span.get("last_day"));
        this.cases = ((Number) span.get("cases")).longValue();
    }

    Query next() {
        int kind = next++ % 10;
        var p = new java.util.LinkedHashMap<String, String>();
        String label;
        switch (kind) {
            case 0 -> {
                label = "tên người được đề nghị";
                p.put("nominee", namePiece());
                p.put("sort", "nomineeName,asc");
            }
            case 1 -> {
                label = "đơn vị + năm";
                p.put("unit", pick(units));
                p.put("year", Integer.toString(year()));
            }
            case 2 -> {
                label = "loại + trạng thái, trang 0–9";
                p.put("kind", "DOSSIER");
                p.put("status", STATUSES[random.nextInt(STATUSES.length)]);
                p.put("page", Integer.toString(random.nextInt(10)));
            }
            case 3 -> {
                label = "năm, xếp theo đơn vị";
                p.put("year", Integer.toString(year()));
                p.put("sort", "unitName,asc");
            }
            case 4 -> {
                label = "người xử lý";
                p.put("actor", pick(actors));
            }
            case 5 -> {
                label = "khoảng ngày (30–90 ngày)";
                LocalDate from = first.plusDays(random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(first, last))));
                p.put("from", from.toString());
                p.put("to", from.plusDays(30 + random.nextInt(61)).toString());
            }
            case 6 -> {
                label = "tên + trạng thái + năm";
                p.put("nominee", namePiece());
                p.put("status", "AWARDED");
                p.put("year", Integer.toString(year()));
            }
            case 7 -> {
                label = "không lọc, trang sâu";
                p.put("page", Integer.toString(random.nextInt((int) Math.max(1, cases / 50))));
                p.put("size", "50");
            }
            case 8 -> {
                label = "số quyết định";
                p.put("decision", pick(decisions).replace("/QĐ-UBND", "/QĐ"));
            }
            default -> {
                label = "phiên họp + năm";
                p.put("kind", "COUNCIL_SESSION");
                p.put("year", Integer.toString(year() + 1));
            }
        }
        p.putIfAbsent("sort", SORTS[random.nextInt(SORTS.length)]);
        p.putIfAbsent("size", random.nextBoolean() ? "20" : "50");
        return new Query(label, query(p), p);
    }

    /** One search of each kind, for the plans. */
    List<Query> samples() {
        List<Query> samples = new ArrayList<>();
        next = 0;
        for (int i = 0; i < 10; i++) {
            samples.add(next());
        }
        return samples;
    }

    /** A date range holding about a tenth of the cases. */
    String tenth() {
        long span = ChronoUnit.DAYS.between(first, last);
        return "from=" + first + "&to=" + first.plusDays(span / 10);
    }

    static long total(String json) {
        Matcher m = TOTAL.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no total in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(encode(v)));
        return q.toString();
    }

    private String namePiece() {
        String[] words = pick(names).split(" ");
        return random.nextBoolean() ? words[words.length - 1]
                : (words[words.length - 2] + " " + words[words.length - 1]).toLowerCase(java.util.Locale.ROOT);
    }

    private int year() {
        return 2021 + random.nextInt(5);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
