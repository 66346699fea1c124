package vn.dienbien.tdkt.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.dossier.BlockLeadership;
import vn.dienbien.tdkt.dossier.DossierProposals;
import vn.dienbien.tdkt.dossier.Proposal;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.EmulationGroup;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.WorkflowClock;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Đánh giá hằng năm của các khối: scoring tables, self-assessment, the leader's adjustments, the
 * block's vote for its leading unit and its result, which opens the Flag dossier of the elected
 * unit. Public: the yearly-evaluation process calls it from expressions.
 *
 * <p>Tie-break (quy tắc khi bằng phiếu): the unit with the higher total score after the leader's
 * adjustments leads; if still equal, the unit that led the block the year before; then the
 * registry's block leader; then the unit code in alphabetical order.
 */
@Service("blockEvaluations")
public class BlockEvaluations implements BlockLeadership {

    static final String TIE_BREAK_RULE = "Bằng phiếu: đơn vị có tổng điểm sau điều chỉnh cao hơn được suy tôn; "
            + "nếu vẫn bằng nhau, đơn vị dẫn đầu khối năm trước; sau đó trưởng khối theo danh mục.";

    private final CampaignRepository campaigns;
    private final OrgUnitRepository units;
    private final ScoringTableRepository tables;
    private final ScoringCriterionRepository criteria;
    private final EvaluationRoundRepository rounds;
    private final UnitScoreRepository scores;
    private final BlockVoteRepository votes;
    private final BlockResultRepository results;
    private final EvaluationDocuments documents;
    private final DossierProposals proposals;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;
    private final TargetProgress targetProgress;

    BlockEvaluations(CampaignRepository campaigns, OrgUnitRepository units, ScoringTableRepository tables,
            ScoringCriterionRepository criteria, EvaluationRoundRepository rounds, UnitScoreRepository scores,
            BlockVoteRepository votes, BlockResultRepository results, EvaluationDocuments documents,
            DossierProposals proposals, RuntimeService runtimeService, ObjectMapper json, TargetProgress targetProgress) {
        this.campaigns = campaigns;
        this.units = units;
        this.tables = tables;
        this.criteria = criteria;
        this.rounds = rounds;
        this.scores = scores;
        this.votes = votes;
        this.results = results;
        this.documents = documents;
        this.proposals = proposals;
        this.runtimeService = runtimeService;
        this.json = json;
        this.targetProgress = targetProgress;
    }

    /** One criterion of a new scoring table. */
    public record NewCriterion(String code, String name, String kind, BigDecimal maxPoints) {
    }

    /** Bảng tiêu chí chấm điểm of a block for a year, kept by the block's leader. */
    @Transactional
    public Long defineTable(String groupCode, int year, String title, List<NewCriterion> items, CurrentUser user) {
        EmulationGroup group = group(groupCode);
        OrgUnit leader = registryLeader(group);
        if (!user.inGroup(leader.camundaGroup()) && !user.inGroup(CamundaGroups.BOARD)) {
            throw ApiException.forbidden("Chỉ trưởng khối (" + leader.getName() + ") lập bảng tiêu chí chấm điểm của khối.");
        }
        if (tables.findByGroupIdAndYear(group.getId(), year).isPresent()) {
            throw ApiException.badRequest("Khối đã có bảng tiêu chí năm " + year + ".");
        }
        if (items == null || items.isEmpty()) {
            throw ApiException.badRequest("Bảng tiêu chí phải có ít nhất một tiêu chí.");
        }
        ScoringTable table = tables.save(new ScoringTable(group.getId(), year,
                title == null || title.isBlank() ? "Bảng tiêu chí chấm điểm " + group.getName() + " năm " + year : title.trim(),
                user.userId(), WorkflowClock.now()));
        for (NewCriterion c : items) {
            ScoringCriterion.Kind kind;
            try {
                kind = ScoringCriterion.Kind.valueOf(c.kind() == null ? "CRITERION" : c.kind());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Loại tiêu chí \"" + c.kind() + "\" không hợp lệ (CRITERION, BONUS, PENALTY).");
            }
            if (c.code() == null || c.name() == null || c.maxPoints() == null || c.maxPoints().signum() <= 0) {
                throw ApiException.badRequest("Mỗi tiêu chí cần mã, tên và điểm tối đa dương.");
            }
            criteria.save(new ScoringCriterion(table.getId(), c.code().trim(), c.name().trim(), kind, c.maxPoints()));
        }
        return table.getId();
    }

    /** Mở kỳ đánh giá năm: by the Board, or by the campaign's yearly timer. */
    @Transactional
    public Long openRound(Long campaignId, int year, String openedBy) {
        Campaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> ApiException.notFound("Không có đợt thi đua số " + campaignId + "."));
        if (year < campaign.getPeriodStartYear() || year > campaign.getPeriodEndYear()) {
            throw ApiException.badRequest("Năm " + year + " nằm ngoài giai đoạn của đợt thi đua.");
        }
        if (rounds.findByCampaignIdAndYear(campaignId, year).isPresent()) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT,
                    "Kỳ đánh giá năm " + year + " của " + campaign.getCode() + " đã được mở.");
        }
        EvaluationRound round = rounds.save(new EvaluationRound(campaignId, year, openedBy, WorkflowClock.now()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("roundId", round.getId());
        variables.put("year", year);
        variables.put("campaignCode", campaign.getCode());
        variables.put("campaignId", campaign.getId());
        var instance = runtimeService.startProcessInstanceByKey(WorkflowKeys.YEARLY_EVALUATION,
                "DG-" + year + " | " + campaign.getCode(), variables);
        round.attachCase(instance.getId());
        return round.getId();
    }

    @Transactional(readOnly = true)
    public Optional<Long> roundOf(Long campaignId, int year) {
        return rounds.findByCampaignIdAndYear(campaignId, year).map(EvaluationRound::getId);
    }

    /** {@code ${blockEvaluations.blocksOf(execution)}}: the blocks with a scoring table for the round's year. */
    @Transactional(readOnly = true)
    public List<String> blocksOf(DelegateExecution execution) {
        int year = round(roundId(execution)).getYear();
        return tables.findByYear(year).stream().map(t -> groupById(t.getGroupId()).getCode()).sorted().toList();
    }

    /** {@code ${blockEvaluations.departmentsOf(execution)}}: who enters the year's target values. */
    @Transactional(readOnly = true)
    public List<String> departmentsOf(DelegateExecution execution) {
        return targetProgress.responsibleUnits(round(roundId(execution)).getCampaignId());
    }

    @Transactional(readOnly = true)
    public Long campaignOf(Long roundId) {
        return round(roundId).getCampaignId();
    }

    /** {@code ${blockEvaluations.unitsOf(blockCode)}}: the member units of a block. */
    @Transactional(readOnly = true)
    public List<String> unitsOf(String blockCode) {
        return members(group(blockCode)).stream().map(OrgUnit::getCode).toList();
    }

    /** {@code ${blockEvaluations.groupOf(unitCode)}}: the unit's Camunda group. */
    public String groupOf(String unitCode) {
        return CamundaGroups.ofUnit(unitCode);
    }

    /** {@code ${blockEvaluations.leaderGroupOf(blockCode)}}: who reviews the block's scores. */
    @Transactional(readOnly = true)
    public String leaderGroupOf(String blockCode) {
        return registryLeader(group(blockCode)).camundaGroup();
    }

    /** One criterion's self-assessed points with evidence. */
    public record SelfScore(String criterion, BigDecimal points, String evidence) {
    }

    /** Tự chấm điểm: every criterion of the block's table, within its maximum. */
    @Transactional
    public void selfAssess(Long roundId, String unitCode, String scoresJson) {
        EvaluationRound round = round(roundId);
        OrgUnit unit = unit(unitCode);
        Map<String, ScoringCriterion> byCode = criteriaOf(unit.getEmulationGroup(), round.getYear());
        List<SelfScore> given = parse(scoresJson, new TypeReference<List<SelfScore>>() { });
        Map<String, SelfScore> byCriterion = given.stream().collect(Collectors.toMap(SelfScore::criterion,
                Function.identity(), (a, b) -> b, LinkedHashMap::new));
        if (!byCriterion.keySet().equals(byCode.keySet())) {
            throw new BadUserRequestException("Phải chấm đủ các tiêu chí: " + String.join(", ", byCode.keySet()) + ".");
        }
        if (!scores.findByRoundIdAndUnitId(roundId, unit.getId()).isEmpty()) {
            throw new BadUserRequestException(unit.getName() + " đã tự chấm điểm trong kỳ này.");
        }
        for (SelfScore s : byCriterion.values()) {
            ScoringCriterion c = byCode.get(s.criterion());
            checkRange(c, s.points());
            scores.save(new UnitScore(roundId, unit.getId(), c.getId(), s.points(), s.evidence()));
        }
    }

    /** One change the block leader makes, with its reason. */
    public record Adjustment(String unit, String criterion, BigDecimal points, String reason) {
    }

    /** Trưởng khối rà soát, điều chỉnh: every change needs a reason. */
    @Transactional
    public void adjust(Long roundId, String blockCode, String adjustmentsJson, String leaderUser) {
        EvaluationRound round = round(roundId);
        EmulationGroup group = group(blockCode);
        Map<String, ScoringCriterion> byCode = criteriaOf(group, round.getYear());
        List<Adjustment> changes = adjustmentsJson == null || adjustmentsJson.isBlank() ? List.of()
                : parse(adjustmentsJson, new TypeReference<List<Adjustment>>() { });
        for (Adjustment a : changes) {
            OrgUnit unit = unit(a.unit());
            if (unit.getEmulationGroup() == null || !unit.getEmulationGroup().getId().equals(group.getId())) {
                throw new BadUserRequestException(unit.getName() + " không thuộc khối " + group.getName() + ".");
            }
            ScoringCriterion c = byCode.get(a.criterion());
            if (c == null) {
                throw new BadUserRequestException("Không có tiêu chí " + a.criterion() + ".");
            }
            if (a.reason() == null || a.reason().isBlank()) {
                throw new BadUserRequestException("Điều chỉnh điểm của " + unit.getName() + " (" + c.getName()
                        + ") phải nêu lý do.");
            }
            checkRange(c, a.points());
            UnitScore score = scores.findByRoundIdAndUnitId(roundId, unit.getId()).stream()
                    .filter(s -> s.getCriterionId().equals(c.getId())).findFirst()
                    .orElseThrow(() -> new BadUserRequestException(unit.getName() + " chưa tự chấm điểm."));
            score.adjust(a.points(), a.reason().trim(), leaderUser);
        }
    }

    /** Phiếu suy tôn: each member unit votes once for a unit of its block. */
    @Transactional
    public void vote(Long roundId, String voterUnitCode, String votedUnitCode, String castBy) {
        OrgUnit voter = unit(voterUnitCode);
        if (votedUnitCode == null || votedUnitCode.isBlank()) {
            throw new BadUserRequestException("Chưa chọn đơn vị suy tôn dẫn đầu khối.");
        }
        OrgUnit voted = unit(votedUnitCode);
        if (voted.getEmulationGroup() == null || voter.getEmulationGroup() == null
                || !voted.getEmulationGroup().getId().equals(voter.getEmulationGroup().getId())) {
            throw new BadUserRequestException("Chỉ suy tôn đơn vị trong cùng khối.");
        }
        if (votes.existsByRoundIdAndVoterUnitId(roundId, voter.getId())) {
            throw new BadUserRequestException(voter.getName() + " đã bỏ phiếu suy tôn trong kỳ này.");
        }
        votes.save(new BlockVote(roundId, voter.getEmulationGroup().getId(), voter.getId(), voted.getId(), castBy,
                WorkflowClock.now()));
    }

    /** One unit's line in the block's result. */
    public record Standing(String unitCode, String unitName, BigDecimal selfTotal, BigDecimal finalTotal, int votes,
            int rank) {
    }

    /** Kết quả bình xét: ranking, votes, the elected unit (tie-break applied), minutes, and the Flag dossier. */
    @Transactional
    public Long conclude(Long roundId, String blockCode) {
        EvaluationRound round = round(roundId);
        EmulationGroup group = group(blockCode);
        List<Standing> standings = standings(round, group);
        int topVotes = standings.stream().mapToInt(Standing::votes).max().orElse(0);
        List<Standing> tied = standings.stream().filter(s -> s.votes() == topVotes).toList();
        String tieBreak = null;
        Standing elected = tied.get(0);
        if (tied.size() > 1) {
            Optional<Long> lastYear = electedLeader(group.getId(), round.getYear() - 1);
            String registryLeader = registryLeader(group).getCode();
            elected = tied.stream().sorted(Comparator.comparing(Standing::finalTotal).reversed()
                    .thenComparing(s -> lastYear.map(id -> !unit(s.unitCode()).getId().equals(id)).orElse(true))
                    .thenComparing(s -> !s.unitCode().equals(registryLeader))
                    .thenComparing(Standing::unitCode)).findFirst().orElseThrow();
            tieBreak = tied.stream().map(s -> s.unitName() + " (" + s.votes() + " phiếu, " + s.finalTotal() + " điểm)")
                    .collect(Collectors.joining("; ")) + " → " + elected.unitName() + ". " + TIE_BREAK_RULE;
        }
        OrgUnit winner = unit(elected.unitCode());
        var docs = documents.blockDocuments(group, round.getYear(), standings, winner, tieBreak);
        BlockResult result = results.save(new BlockResult(roundId, group.getId(), winner.getId(), tieBreak,
                docs.get("BIEN_BAN_KHOI"), WorkflowClock.now()));
        Campaign campaign = campaigns.findById(round.getCampaignId()).orElseThrow();
        int votesCast = standings.stream().mapToInt(Standing::votes).sum();
        Long dossierId = proposals.propose(new Proposal(campaign.getCode(), round.getYear(), "FLAG", "COLLECTIVE",
                winner.getCode(), new Proposal.Nominee(null, null, null, null, null, null, null, null, null,
                        winner.getCode(), group.getCode(), elected.votes(), votesCast, null, null),
                "Được " + group.getName() + " bình xét, suy tôn dẫn đầu phong trào thi đua năm " + round.getYear()
                        + " với " + elected.votes() + "/" + votesCast + " phiếu, " + elected.finalTotal() + " điểm.",
                new Proposal.Facts(List.of(), 0, false, false, false), docs),
                new CurrentUser(ProcessActors.SYSTEM, List.of(CamundaGroups.BOARD)));
        result.flagDossier(dossierId);
        return result.getFlagDossierId();
    }

    @Transactional(readOnly = true)
    public List<Standing> standings(Long roundId, String blockCode) {
        return standings(round(roundId), group(blockCode));
    }

    private List<Standing> standings(EvaluationRound round, EmulationGroup group) {
        Map<String, ScoringCriterion> byCode = criteriaOf(group, round.getYear());
        Map<Long, ScoringCriterion> byId = byCode.values().stream().collect(Collectors.toMap(ScoringCriterion::getId, c -> c));
        Map<Long, Long> voteCount = votes.findByRoundIdAndGroupId(round.getId(), group.getId()).stream()
                .collect(Collectors.groupingBy(BlockVote::getVotedUnitId, Collectors.counting()));
        List<Standing> rows = new ArrayList<>();
        for (OrgUnit unit : members(group)) {
            List<UnitScore> unitScores = scores.findByRoundIdAndUnitId(round.getId(), unit.getId());
            BigDecimal self = unitScores.stream().map(s -> byId.get(s.getCriterionId()).signed(s.getSelfPoints()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = unitScores.stream().map(s -> byId.get(s.getCriterionId()).signed(s.getFinalPoints()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            rows.add(new Standing(unit.getCode(), unit.getName(), self, total,
                    voteCount.getOrDefault(unit.getId(), 0L).intValue(), 0));
        }
        rows.sort(Comparator.comparing(Standing::finalTotal).reversed().thenComparing(Standing::unitCode));
        List<Standing> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Standing s = rows.get(i);
            ranked.add(new Standing(s.unitCode(), s.unitName(), s.selfTotal(), s.finalTotal(), s.votes(), i + 1));
        }
        return ranked;
    }

    @Transactional
    public void closeRound(Long roundId) {
        round(roundId).close();
    }

    /** A block's elected leader in one year. */
    public record YearResult(int year, String block, String electedUnit) {
    }

    /** Every block result of a campaign up to a year. */
    @Transactional(readOnly = true)
    public List<YearResult> resultsOf(Long campaignId, int upToYear) {
        List<YearResult> list = new ArrayList<>();
        for (EvaluationRound round : rounds.findAll()) {
            if (!round.getCampaignId().equals(campaignId) || round.getYear() > upToYear) {
                continue;
            }
            for (BlockResult r : results.findByRoundId(round.getId())) {
                list.add(new YearResult(round.getYear(), groupById(r.getGroupId()).getName(),
                        units.findById(r.getElectedUnitId()).orElseThrow().getName()));
            }
        }
        list.sort(Comparator.comparing(YearResult::year).thenComparing(YearResult::block));
        return list;
    }

    @Transactional(readOnly = true)
    public long roundsOf(Long campaignId, int upToYear) {
        return rounds.findAll().stream().filter(r -> r.getCampaignId().equals(campaignId) && r.getYear() <= upToYear).count();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> electedLeader(Long groupId, int year) {
        return results.findByGroupId(groupId).stream()
                .filter(r -> rounds.findById(r.getRoundId()).map(x -> x.getYear() == year).orElse(false))
                .map(BlockResult::getElectedUnitId).findFirst();
    }

    /** A block's table with its criteria, members, scores and votes, for the forms. */
    @Transactional(readOnly = true)
    public Map<String, Object> blockView(Long roundId, String blockCode) {
        EvaluationRound round = round(roundId);
        EmulationGroup group = group(blockCode);
        Map<String, ScoringCriterion> byCode = criteriaOf(group, round.getYear());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("roundId", roundId);
        view.put("year", round.getYear());
        view.put("block", Map.of("code", group.getCode(), "name", group.getName()));
        view.put("criteria", byCode.values().stream().map(c -> Map.of("code", c.getCode(), "name", c.getName(),
                "kind", c.getKind().name(), "maxPoints", c.getMaxPoints())).toList());
        Map<Long, String> codeOf = byCode.values().stream().collect(Collectors.toMap(ScoringCriterion::getId, ScoringCriterion::getCode));
        view.put("units", members(group).stream().map(u -> {
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
        view.put("standings", standings(round, group));
        view.put("tieBreakRule", TIE_BREAK_RULE);
        return view;
    }

    private Map<String, ScoringCriterion> criteriaOf(EmulationGroup group, int year) {
        if (group == null) {
            throw new BadUserRequestException("Đơn vị không thuộc cụm, khối thi đua nào.");
        }
        ScoringTable table = tables.findByGroupIdAndYear(group.getId(), year)
                .orElseThrow(() -> new BadUserRequestException(group.getName() + " chưa có bảng tiêu chí năm " + year + "."));
        Map<String, ScoringCriterion> byCode = new LinkedHashMap<>();
        criteria.findByTableIdOrderByCode(table.getId()).forEach(c -> byCode.put(c.getCode(), c));
        return byCode;
    }

    private static void checkRange(ScoringCriterion c, BigDecimal points) {
        if (points == null || points.signum() < 0 || points.compareTo(c.getMaxPoints()) > 0) {
            throw new BadUserRequestException("Điểm tiêu chí \"" + c.getName() + "\" phải từ 0 đến " + c.getMaxPoints() + ".");
        }
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            return json.readValue(text == null ? "[]" : text, type);
        } catch (Exception e) {
            throw new BadUserRequestException("Dữ liệu chấm điểm không đọc được.");
        }
    }

    private List<OrgUnit> members(EmulationGroup group) {
        return units.findByActiveTrueOrderByCode().stream()
                .filter(u -> u.getEmulationGroup() != null && u.getEmulationGroup().getId().equals(group.getId())).toList();
    }

    private OrgUnit registryLeader(EmulationGroup group) {
        return members(group).stream().filter(OrgUnit::isGroupLeader).findFirst()
                .orElseThrow(() -> ApiException.badRequest(group.getName() + " chưa có trưởng khối."));
    }

    private EmulationGroup group(String code) {
        return units.findAll().stream().map(OrgUnit::getEmulationGroup).filter(g -> g != null && g.getCode().equals(code))
                .findFirst().orElseThrow(() -> ApiException.notFound("Không có cụm/khối mã \"" + code + "\"."));
    }

    private EmulationGroup groupById(Long id) {
        return units.findAll().stream().map(OrgUnit::getEmulationGroup).filter(g -> g != null && g.getId().equals(id))
                .findFirst().orElseThrow();
    }

    private OrgUnit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new BadUserRequestException("Không có đơn vị mã \"" + code + "\"."));
    }

    private EvaluationRound round(Long id) {
        return rounds.findById(id).orElseThrow(() -> ApiException.notFound("Không có kỳ đánh giá số " + id + "."));
    }

    static Long roundId(DelegateExecution execution) {
        return ((Number) execution.getVariable("roundId")).longValue();
    }

}
