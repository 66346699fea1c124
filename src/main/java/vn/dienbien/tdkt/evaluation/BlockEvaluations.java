package vn.dienbien.tdkt.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.WorkflowClock;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Đánh giá hằng năm của các khối: the round and its case, the block's standings and its result,
 * which opens the Flag dossier of the elected unit. Public: the yearly-evaluation process calls it
 * from expressions. A case finds its round by its process instance, never by a variable.
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
    private final Blocks blocks;
    private final ScoringTables tables;
    private final EvaluationRoundRepository rounds;
    private final UnitScoreRepository scores;
    private final BlockVoteRepository votes;
    private final BlockResultRepository results;
    private final EvaluationDocuments documents;
    private final DossierProposals proposals;
    private final RuntimeService runtimeService;
    private final TargetProgress targetProgress;

    BlockEvaluations(CampaignRepository campaigns, Blocks blocks, ScoringTables tables, EvaluationRoundRepository rounds,
            UnitScoreRepository scores, BlockVoteRepository votes, BlockResultRepository results,
            EvaluationDocuments documents, DossierProposals proposals, RuntimeService runtimeService,
            TargetProgress targetProgress) {
        this.campaigns = campaigns;
        this.blocks = blocks;
        this.tables = tables;
        this.rounds = rounds;
        this.scores = scores;
        this.votes = votes;
        this.results = results;
        this.documents = documents;
        this.proposals = proposals;
        this.runtimeService = runtimeService;
        this.targetProgress = targetProgress;
    }

    /** Mở kỳ đánh giá năm: by the Board, or by the campaign's yearly timer. */
    @Transactional
    public Long openRound(Long campaignId, int year, String openedBy) {
        Campaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> ApiException.notFound("Không có đợt thi đua số " + campaignId + "."));
        if (year < campaign.getPeriodStartYear() || year > campaign.getPeriodEndYear()) {
            throw ApiException.badRequest("Năm " + year + " nằm ngoài giai đoạn " + campaign.getPeriodStartYear() + "–"
                    + campaign.getPeriodEndYear() + " của đợt thi đua.");
        }
        if (rounds.findByCampaignIdAndYear(campaignId, year).isPresent()) {
            throw ApiException.conflict("Kỳ đánh giá năm " + year + " của " + campaign.getCode() + " đã được mở.");
        }
        EvaluationRound round = rounds.save(new EvaluationRound(campaignId, year, openedBy, WorkflowClock.now()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("roundId", round.getId());
        variables.put("year", year);
        variables.put("campaignCode", campaign.getCode());
        variables.put("campaignId", campaign.getId());
        // The case's start listener links the round to it (attachCase) before any step runs.
        runtimeService.startProcessInstanceByKey(WorkflowKeys.YEARLY_EVALUATION,
                "DG-" + year + " | " + campaign.getCode(), variables);
        return round.getId();
    }

    /**
     * The start of a round's case: the round opened a moment ago in the same transaction is linked
     * to the case, once; from then on the case finds its round by its process instance.
     */
    @Transactional
    public void attachCase(Long roundId, String processInstanceId) {
        EvaluationRound round = rounds.findById(roundId)
                .orElseThrow(() -> ApiException.notFound("Không có kỳ đánh giá số " + roundId + "."));
        if (round.getProcessInstanceId() != null) {
            throw ApiException.conflict("Kỳ đánh giá năm " + round.getYear() + " đã có hồ sơ xử lý.");
        }
        round.attachCase(processInstanceId);
        rounds.flush();
    }

    /** The round of a yearly-evaluation case. */
    EvaluationRound roundOfCase(String processInstanceId) {
        return rounds.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> ApiException.notFound("Hồ sơ xử lý này không thuộc kỳ đánh giá nào."));
    }

    @Transactional(readOnly = true)
    public Optional<Long> roundOf(Long campaignId, int year) {
        return rounds.findByCampaignIdAndYear(campaignId, year).map(EvaluationRound::getId);
    }

    /** {@code ${blockEvaluations.blocksOf(execution)}}: the blocks with a scoring table for the round's year. */
    @Transactional(readOnly = true)
    public List<String> blocksOf(DelegateExecution execution) {
        return tables.blocksWithTable(roundOfCase(execution.getProcessInstanceId()).getYear());
    }

    /** {@code ${blockEvaluations.departmentsOf(execution)}}: who enters the year's target values. */
    @Transactional(readOnly = true)
    public List<String> departmentsOf(DelegateExecution execution) {
        return targetProgress.responsibleUnits(roundOfCase(execution.getProcessInstanceId()).getCampaignId());
    }

    /** {@code ${blockEvaluations.unitsOf(blockCode)}}: the member units of a block. */
    @Transactional(readOnly = true)
    public List<String> unitsOf(String blockCode) {
        return blocks.members(blocks.group(blockCode)).stream().map(OrgUnit::getCode).toList();
    }

    /** {@code ${blockEvaluations.groupOf(unitCode)}}: the unit's Camunda group. */
    public String groupOf(String unitCode) {
        return CamundaGroups.ofUnit(unitCode);
    }

    /** {@code ${blockEvaluations.leaderGroupOf(blockCode)}}: who reviews the block's scores. */
    @Transactional(readOnly = true)
    public String leaderGroupOf(String blockCode) {
        return blocks.leader(blocks.group(blockCode)).camundaGroup();
    }

    /** One unit's line in the block's result. */
    public record Standing(String unitCode, String unitName, BigDecimal selfTotal, BigDecimal finalTotal, int votes,
            int rank) {
    }

    /**
     * Kết quả bình xét: ranking, votes, the elected unit (tie-break applied), minutes, and the Flag
     * dossier. Once per block and round, and only when every member unit has voted.
     */
    @Transactional
    public Long conclude(EvaluationRound round, EmulationGroup group) {
        EvaluationSteps.requireOpen(round);
        if (results.existsByRoundIdAndGroupId(round.getId(), group.getId())) {
            throw ApiException.conflict(group.getName() + " đã có kết quả bình xét năm " + round.getYear() + ".");
        }
        List<Standing> standings = standings(round, group);
        int votesCast = standings.stream().mapToInt(Standing::votes).sum();
        if (votesCast < standings.size()) {
            throw ApiException.conflict(group.getName() + " mới có " + votesCast + "/" + standings.size() + " phiếu suy tôn.");
        }
        int topVotes = standings.stream().mapToInt(Standing::votes).max().orElse(0);
        List<Standing> tied = standings.stream().filter(s -> s.votes() == topVotes).toList();
        String tieBreak = null;
        Standing elected = tied.get(0);
        if (tied.size() > 1) {
            Optional<String> lastYear = electedLeader(group.getId(), round.getYear() - 1).map(id -> blocks.unitById(id).getCode());
            String registryLeader = blocks.leader(group).getCode();
            elected = tied.stream().sorted(Comparator.comparing(Standing::finalTotal).reversed()
                    .thenComparing(s -> !lastYear.map(s.unitCode()::equals).orElse(false))
                    .thenComparing(s -> !s.unitCode().equals(registryLeader))
                    .thenComparing(Standing::unitCode)).findFirst().orElseThrow();
            tieBreak = tied.stream().map(s -> s.unitName() + " (" + s.votes() + " phiếu, " + s.finalTotal() + " điểm)")
                    .collect(Collectors.joining("; ")) + " → " + elected.unitName() + ". " + TIE_BREAK_RULE;
        }
        OrgUnit winner = blocks.unit(elected.unitCode());
        var docs = documents.blockDocuments(group, round.getYear(), standings, winner, tieBreak);
        BlockResult result = results.save(new BlockResult(round.getId(), group.getId(), winner.getId(), tieBreak,
                docs.get("BIEN_BAN_KHOI"), WorkflowClock.now()));
        Campaign campaign = campaigns.findById(round.getCampaignId()).orElseThrow();
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
        return standings(round(roundId), blocks.group(blockCode));
    }

    List<Standing> standings(EvaluationRound round, EmulationGroup group) {
        Map<Long, ScoringCriterion> byId = tables.criteriaOf(group, round.getYear()).values().stream()
                .collect(Collectors.toMap(ScoringCriterion::getId, c -> c));
        List<OrgUnit> members = blocks.members(group);
        Map<Long, List<UnitScore>> scoresByUnit = scores.findByRoundIdAndUnitIdIn(round.getId(),
                members.stream().map(OrgUnit::getId).toList()).stream().collect(Collectors.groupingBy(UnitScore::getUnitId));
        Map<Long, Long> voteCount = votes.findByRoundIdAndGroupId(round.getId(), group.getId()).stream()
                .collect(Collectors.groupingBy(BlockVote::getVotedUnitId, Collectors.counting()));
        List<Standing> rows = new ArrayList<>();
        for (OrgUnit unit : members) {
            List<UnitScore> unitScores = scoresByUnit.getOrDefault(unit.getId(), List.of());
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

    /** "Kết thúc kỳ đánh giá". */
    @Transactional
    public void closeRound(EvaluationRound round) {
        rounds.findById(round.getId()).orElseThrow().close();
    }

    /** A block's elected leader in one year. */
    public record YearResult(int year, String block, String electedUnit) {
    }

    /** Every block result of a campaign up to a year. */
    @Transactional(readOnly = true)
    public List<YearResult> resultsOf(Long campaignId, int upToYear) {
        List<YearResult> list = new ArrayList<>();
        for (EvaluationRound round : rounds.findByCampaignIdAndYearLessThanEqualOrderByYear(campaignId, upToYear)) {
            for (BlockResult r : results.findByRoundId(round.getId())) {
                list.add(new YearResult(round.getYear(), blocks.groupById(r.getGroupId()).getName(),
                        blocks.unitById(r.getElectedUnitId()).getName()));
            }
        }
        list.sort(Comparator.comparing(YearResult::year).thenComparing(YearResult::block));
        return list;
    }

    @Transactional(readOnly = true)
    public long roundsOf(Long campaignId, int upToYear) {
        return rounds.countByCampaignIdAndYearLessThanEqual(campaignId, upToYear);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> electedLeader(Long groupId, int year) {
        return results.findByGroupIdAndYear(groupId, year).stream().map(BlockResult::getElectedUnitId).findFirst();
    }

    EvaluationRound round(Long id) {
        return rounds.findById(id).orElseThrow(() -> ApiException.notFound("Không có kỳ đánh giá số " + id + "."));
    }
}
