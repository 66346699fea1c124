package vn.dienbien.tdkt.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.EmulationGroup;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * What units and block leaders do during a round: self-assessment, the leader's review and the
 * block's vote. Each takes the round and the unit the case vouches for (never a variable), and
 * re-checks the round's and the block's state.
 */
@Service
class EvaluationSteps {

    static final int MAX_TEXT = 3_900;

    private final ScoringTables tables;
    private final Blocks blocks;
    private final UnitScoreRepository scores;
    private final BlockReviewRepository reviews;
    private final BlockVoteRepository votes;
    private final BlockResultRepository results;
    private final ObjectMapper json;

    EvaluationSteps(ScoringTables tables, Blocks blocks, UnitScoreRepository scores, BlockReviewRepository reviews,
            BlockVoteRepository votes, BlockResultRepository results, ObjectMapper json) {
        this.tables = tables;
        this.blocks = blocks;
        this.scores = scores;
        this.reviews = reviews;
        this.votes = votes;
        this.results = results;
        this.json = json;
    }

    /** One criterion's self-assessed points with evidence. */
    record SelfScore(String criterion, BigDecimal points, String evidence) {
    }

    /** Tự chấm điểm: every criterion of the block's table, within its maximum, once per round. */
    @Transactional
    public void selfAssess(EvaluationRound round, OrgUnit unit, String scoresJson) {
        requireOpen(round);
        EmulationGroup group = blocks.groupOf(unit);
        Map<String, ScoringCriterion> byCode = tables.criteriaOf(group, round.getYear());
        if (reviews.existsByRoundIdAndGroupId(round.getId(), group.getId())) {
            throw ApiException.conflict("Trưởng khối đã rà soát điểm của " + group.getName() + "; không còn tự chấm điểm được.");
        }
        if (scores.existsByRoundIdAndUnitId(round.getId(), unit.getId())) {
            throw ApiException.conflict(unit.getName() + " đã tự chấm điểm trong kỳ này.");
        }
        List<SelfScore> given = parse(scoresJson, new TypeReference<List<SelfScore>>() { });
        Map<String, SelfScore> byCriterion = new LinkedHashMap<>();
        for (SelfScore s : given) {
            if (s == null || s.criterion() == null) {
                throw ApiException.badRequest("Dữ liệu chấm điểm có dòng trống.");
            }
            if (!byCode.containsKey(s.criterion())) {
                throw ApiException.badRequest("Không có tiêu chí \"" + ScoringTables.abbreviate(s.criterion()) + "\" trong bảng của khối.");
            }
            if (byCriterion.put(s.criterion(), s) != null) {
                throw ApiException.badRequest("Tiêu chí " + s.criterion() + " được chấm hai lần.");
            }
        }
        if (!byCriterion.keySet().equals(byCode.keySet())) {
            throw ApiException.badRequest("Phải chấm đủ các tiêu chí: " + String.join(", ", byCode.keySet()) + ".");
        }
        for (SelfScore s : byCriterion.values()) {
            ScoringCriterion c = byCode.get(s.criterion());
            checkRange(c, s.points());
            String evidence = trimmed(s.evidence());
            if (evidence != null && evidence.length() > MAX_TEXT) {
                throw ApiException.badRequest("Minh chứng của tiêu chí \"" + c.getName() + "\" tối đa 2.000 ký tự.");
            }
            once(() -> scores.save(new UnitScore(round.getId(), unit.getId(), c.getId(), s.points(), evidence)),
                    unit.getName() + " đã tự chấm điểm trong kỳ này (có người khác của đơn vị vừa gửi).");
        }
    }

    /** One change the block leader makes, with its reason. */
    record Adjustment(String unit, String criterion, BigDecimal points, String reason) {
    }

    /** Trưởng khối rà soát, điều chỉnh: every change needs a reason; the review happens once and opens the vote. */
    @Transactional
    public void review(EvaluationRound round, EmulationGroup group, String adjustmentsJson, String leaderUser) {
        requireOpen(round);
        Map<String, ScoringCriterion> byCode = tables.criteriaOf(group, round.getYear());
        if (reviews.existsByRoundIdAndGroupId(round.getId(), group.getId())) {
            throw ApiException.conflict("Điểm của " + group.getName() + " đã được rà soát trong kỳ này.");
        }
        List<Adjustment> changes = adjustmentsJson == null || adjustmentsJson.isBlank() ? List.of()
                : parse(adjustmentsJson, new TypeReference<List<Adjustment>>() { });
        for (Adjustment a : changes) {
            if (a == null || a.unit() == null || a.criterion() == null) {
                throw ApiException.badRequest("Dữ liệu điều chỉnh có dòng trống.");
            }
            OrgUnit unit = blocks.unit(a.unit());
            if (!blocks.isMember(unit, group)) {
                throw ApiException.badRequest(unit.getName() + " không thuộc " + group.getName() + ".");
            }
            ScoringCriterion c = byCode.get(a.criterion());
            if (c == null) {
                throw ApiException.badRequest("Không có tiêu chí \"" + ScoringTables.abbreviate(a.criterion()) + "\" trong bảng của khối.");
            }
            String reason = trimmed(a.reason());
            if (reason == null || reason.isEmpty()) {
                throw ApiException.badRequest("Điều chỉnh điểm của " + unit.getName() + " (" + c.getName() + ") phải nêu lý do.");
            }
            if (reason.length() > MAX_TEXT) {
                throw ApiException.badRequest("Lý do điều chỉnh điểm của " + unit.getName() + " tối đa 2.000 ký tự.");
            }
            checkRange(c, a.points());
            UnitScore score = scores.findByRoundIdAndUnitId(round.getId(), unit.getId()).stream()
                    .filter(s -> s.getCriterionId().equals(c.getId())).findFirst()
                    .orElseThrow(() -> ApiException.conflict(unit.getName() + " chưa tự chấm điểm."));
            score.adjust(a.points(), reason, leaderUser);
        }
        once(() -> reviews.save(new BlockReview(round.getId(), group.getId(), leaderUser, WorkflowClock.now())),
                "Điểm của " + group.getName() + " vừa được người khác rà soát.");
    }

    /** Phiếu suy tôn: each member unit votes once, for a unit of its block, after the leader's review. */
    @Transactional
    public void vote(EvaluationRound round, OrgUnit voter, String votedUnitCode, String castBy) {
        requireOpen(round);
        EmulationGroup group = blocks.groupOf(voter);
        if (votedUnitCode == null || votedUnitCode.isBlank()) {
            throw ApiException.badRequest("Chưa chọn đơn vị suy tôn dẫn đầu khối.");
        }
        if (votedUnitCode.length() > 32) {
            throw ApiException.badRequest("Mã đơn vị được suy tôn không hợp lệ.");
        }
        OrgUnit voted = blocks.unit(votedUnitCode);
        if (!blocks.isMember(voted, group)) {
            throw ApiException.badRequest("Chỉ suy tôn đơn vị trong cùng khối.");
        }
        if (!reviews.existsByRoundIdAndGroupId(round.getId(), group.getId())) {
            throw ApiException.conflict("Trưởng khối chưa rà soát điểm của " + group.getName() + "; chưa bỏ phiếu được.");
        }
        if (results.existsByRoundIdAndGroupId(round.getId(), group.getId())) {
            throw ApiException.conflict(group.getName() + " đã có kết quả bình xét năm " + round.getYear() + ".");
        }
        if (votes.existsByRoundIdAndVoterUnitId(round.getId(), voter.getId())) {
            throw ApiException.conflict(voter.getName() + " đã bỏ phiếu suy tôn trong kỳ này.");
        }
        once(() -> votes.save(new BlockVote(round.getId(), group.getId(), voter.getId(), voted.getId(), castBy,
                WorkflowClock.now())), voter.getName() + " vừa bỏ phiếu suy tôn (có người khác của đơn vị vừa gửi).");
    }

    /**
     * A record that exists once (a unit's scores, ballot, the block's review): when two people of the
     * unit send at the same moment, the database's unique key decides and the later one is told so.
     */
    private static void once(Runnable insert, String conflict) {
        try {
            insert.run();
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict(conflict);
        }
    }

    static void requireOpen(EvaluationRound round) {
        if (!round.isOpen()) {
            throw ApiException.conflict("Kỳ đánh giá năm " + round.getYear() + " đã kết thúc.");
        }
    }

    private static void checkRange(ScoringCriterion c, BigDecimal points) {
        if (points == null || points.signum() < 0 || points.compareTo(c.getMaxPoints()) > 0) {
            throw ApiException.badRequest("Điểm tiêu chí \"" + c.getName() + "\" phải từ 0 đến " + c.getMaxPoints() + ".");
        }
        if (points.stripTrailingZeros().scale() > 2) {
            throw ApiException.badRequest("Điểm tiêu chí \"" + c.getName() + "\" có tối đa 2 chữ số thập phân.");
        }
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            T value = json.readValue(text == null ? "[]" : text, type);
            if (value == null) {
                throw ApiException.badRequest("Dữ liệu chấm điểm không đọc được.");
            }
            return value;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw ApiException.badRequest("Dữ liệu chấm điểm không đọc được.");
        }
    }
}
