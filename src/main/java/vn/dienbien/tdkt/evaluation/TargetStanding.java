package vn.dienbien.tdkt.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where one indicator stands in a year, by how it is measured:
 * <ul>
 * <li>LEVEL: the year's value against the straight line from the baseline to the target; without
 * a baseline there is no line to compare with before the target year, and the row says so;</li>
 * <li>YEARLY_RATE: the year's value against the yearly target (for a "bình quân" target, the
 * average of the years so far);</li>
 * <li>CUMULATIVE: the sum of the years of the period so far against the pro-rata share of the
 * period total.</li>
 * </ul>
 */
final class TargetStanding {

    /** {@code note}: what is missing, where the label alone does not say it (null otherwise). */
    record Standing(BigDecimal expected, BigDecimal actual, BigDecimal gap, String status, String statusLabel,
            String note) {
    }

    private TargetStanding() {
    }

    /** {@code values}: the indicator's actual values of the years up to {@code year}. */
    static Standing of(Target t, List<TargetActual> values, int year) {
        Map<Integer, BigDecimal> byYear = values.stream().filter(a -> a.getYear() <= year)
                .collect(Collectors.toMap(TargetActual::getYear, TargetActual::getValue, (a, b) -> b));
        BigDecimal ofYear = byYear.get(year);
        return switch (t.getMeasure()) {
            case LEVEL -> level(t, ofYear, year);
            case YEARLY_RATE -> yearly(t, byYear, ofYear, year);
            case CUMULATIVE -> cumulative(t, byYear, year);
        };
    }

    private static Standing level(Target t, BigDecimal actual, int year) {
        if (actual == null) {
            return noData(expectedLevel(t, year), null);
        }
        BigDecimal expected = expectedLevel(t, year);
        if (expected == null) {
            return new Standing(null, actual, null, "NO_BASELINE", "chưa có số liệu gốc năm " + t.getBaselineYear(),
                    "kế hoạch không có số liệu năm " + t.getBaselineYear() + "; chỉ so với mục tiêu vào năm "
                            + t.getTargetYear());
        }
        return judged(t, expected, actual);
    }

    private static Standing yearly(Target t, Map<Integer, BigDecimal> byYear, BigDecimal ofYear, int year) {
        if (t.getDirection() != Target.Direction.AVERAGE_YEARLY_RATE) {
            return ofYear == null ? noData(t.getTargetValue(), null) : judged(t, t.getTargetValue(), ofYear);
        }
        List<BigDecimal> period = byYear.entrySet().stream().filter(e -> e.getKey() > t.getBaselineYear())
                .map(Map.Entry::getValue).toList();
        if (period.isEmpty()) {
            return noData(t.getTargetValue(), null);
        }
        BigDecimal average = period.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(period.size()), 4, RoundingMode.HALF_UP);
        return judged(t, t.getTargetValue(), average);
    }

    private static Standing cumulative(Target t, Map<Integer, BigDecimal> byYear, int year) {
        int last = Math.min(year, t.getTargetYear());
        int span = t.getTargetYear() - t.getBaselineYear();
        int elapsed = Math.max(0, last - t.getBaselineYear());
        BigDecimal expected = t.getTargetValue().multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(span), 4, RoundingMode.HALF_UP);
        List<Integer> missing = IntStream.rangeClosed(t.getBaselineYear() + 1, last)
                .filter(y -> !byYear.containsKey(y)).boxed().toList();
        if (elapsed == 0 || !missing.isEmpty()) {
            return noData(expected, missing.isEmpty() ? null : "thiếu số liệu năm "
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        BigDecimal sum = IntStream.rangeClosed(t.getBaselineYear() + 1, last).mapToObj(byYear::get)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return judged(t, expected, sum);
    }

    /** The level expected by {@code year}; null when the plan gives no baseline and the year is before the target year. */
    static BigDecimal expectedLevel(Target t, int year) {
        if (year >= t.getTargetYear()) {
            return t.getTargetValue();
        }
        if (t.getBaselineValue() == null) {
            return null;
        }
        int span = t.getTargetYear() - t.getBaselineYear();
        int elapsed = Math.max(0, year - t.getBaselineYear());
        return t.getBaselineValue().add(t.getTargetValue().subtract(t.getBaselineValue())
                .multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(span), 4, RoundingMode.HALF_UP));
    }

    private static Standing judged(Target t, BigDecimal expected, BigDecimal actual) {
        BigDecimal gap = actual.subtract(expected).setScale(4, RoundingMode.HALF_UP);
        boolean onTrack = t.getDirection() == Target.Direction.AT_MOST ? gap.signum() <= 0 : gap.signum() >= 0;
        return new Standing(expected, actual, gap, onTrack ? "ON_TRACK" : "OFF_TRACK",
                onTrack ? "đúng tiến độ" : "chậm tiến độ", null);
    }

    private static Standing noData(BigDecimal expected, String note) {
        return new Standing(expected, null, null, "NO_DATA", "chưa có số liệu", note);
    }
}
