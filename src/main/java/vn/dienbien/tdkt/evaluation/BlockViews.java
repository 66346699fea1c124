package vn.dienbien.tdkt.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.EmulationGroup;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** A block's table, scores, standings and votes in a round, as far as the reader may see them. */
@Service
class BlockViews {

    private final BlockEvaluations evaluations;
    private final ScoringTables tables;
    private final Blocks blocks;
    private final UnitScoreRepository scores;
    private final BlockReviewRepository reviews;
    private final BlockResultRepository results;

    BlockViews(BlockEvaluations evaluations, ScoringTables tables, Blocks blocks, UnitScoreRepository scores,
            BlockReviewRepository reviews, BlockResultRepository results) {
        this.evaluations = evaluations;
        this.tables = tables;
        this.blocks = blocks;
        this.scores = scores;
        this.reviews = reviews;
        this.results = results;
    }

    /** The facts the read rule needs about a block in a round. */
    EvaluationReaders.Block facts(EvaluationRound round, EmulationGroup group) {
        List<String> memberGroups = blocks.members(group).stream().map(OrgUnit::camundaGroup).toList();
        String leaderGroup = blocks.members(group).stream().filter(OrgUnit::isGroupLeader).map(OrgUnit::camundaGroup)
                .findFirst().orElse("");
        return new EvaluationReaders.Block(leaderGroup, memberGroups,
                reviews.existsByRoundIdAndGroupId(round.getId(), group.getId()),
                results.existsByRoundIdAndGroupId(round.getId(), group.getId()));
    }

    /** A block's table with its criteria, members, scores and votes, for the forms. */
    @Transactional(readOnly = true)
    public Map<String, Object> view(Long roundId, String blockCode, CurrentUser user) {
        EvaluationRound round = evaluations.round(roundId);
        EmulationGroup group = blocks.group(blockCode);
        EvaluationReaders.Reading reading = EvaluationReaders.of(user, facts(round, group));
        if (!reading.any()) {
            throw ApiException.forbidden("Anh/chị không đọc được kết quả chấm điểm của " + group.getName() + ".");
        }
        Map<String, ScoringCriterion> byCode = tables.criteriaOf(group, round.getYear());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("roundId", roundId);
        view.put("year", round.getYear());
        view.put("block", Map.of("code", group.getCode(), "name", group.getName()));
        view.put("criteria", byCode.values().stream().map(c -> Map.of("code", c.getCode(), "name", c.getName(),
                "kind", c.getKind().name(), "maxPoints", c.getMaxPoints())).toList());
        Map<Long, String> codeOf = byCode.values().stream()
                .collect(Collectors.toMap(ScoringCriterion::getId, ScoringCriterion::getCode));
        List<OrgUnit> shown = blocks.members(group).stream()
                .filter(u -> reading.allScores() || (reading.ownUnitOnly() && user.inGroup(u.camundaGroup()))).toList();
        view.put("units", shown.stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", u.getCode());
            m.put("name", u.getName());
            m.put("scores", scores.findByRoundIdAndUnitId(roundId, u.getId()).stream().map(s -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("criterion", codeOf.get(s.getCriterionId()));
                line.put("self", s.getSelfPoints());
                line.put("final", s.getFinalPoints());
                line.put("evidence", s.getEvidence());
                line.put("adjustReason", s.getAdjustReason());
                return line;
            }).toList());
            return m;
        }).toList());
        view.put("standings", !reading.standings() ? List.of() : evaluations.standings(round, group).stream().map(s -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("unitCode", s.unitCode());
            line.put("unitName", s.unitName());
            line.put("selfTotal", s.selfTotal());
            line.put("finalTotal", s.finalTotal());
            line.put("rank", s.rank());
            if (reading.votes()) {
                line.put("votes", s.votes());
            }
            return line;
        }).toList());
        view.put("votesVisible", reading.votes());
        view.put("tieBreakRule", BlockEvaluations.TIE_BREAK_RULE);
        return view;
    }

    /** Whether the reader sees the block's results (ranking with votes) in the round's export. */
    boolean readsResults(CurrentUser user, EvaluationRound round, EmulationGroup group) {
        return EvaluationReaders.readsResults(user, facts(round, group));
    }
}
