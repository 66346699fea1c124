package vn.dienbien.tdkt.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.WorkflowClock;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Kiểm tra thành phần hồ sơ và điều kiện khen thưởng: the completeness checklist and the
 * eligibility rules (DMN {@code bpmn/dossier-eligibility.dmn}), recorded round by round for the
 * Board's appraisal. The system's own check of a dossier under appraisal.
 */
@Service
public class DossierEligibility {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DossierEligibility.class);

    private static final Set<DossierStatus> COUNTING_STATUSES = EnumSet.of(DossierStatus.AWAITING_HEAD,
            DossierStatus.UNDER_APPRAISAL, DossierStatus.RETURNED, DossierStatus.ACCEPTED, DossierStatus.AWARDED);

    private final DossierRepository dossiers;
    private final AwardRepository awards;
    private final DossierRuleResultRepository ruleResults;
    private final OrgUnitRepository units;
    private final ProcessEngineConfigurationImpl engine;
    private final List<BlockLeadership> leadership;

    DossierEligibility(DossierRepository dossiers, AwardRepository awards, DossierRuleResultRepository ruleResults,
            OrgUnitRepository units, ProcessEngineConfigurationImpl engine, List<BlockLeadership> leadership) {
        this.dossiers = dossiers;
        this.awards = awards;
        this.ruleResults = ruleResults;
        this.units = units;
        this.engine = engine;
        this.leadership = leadership;
    }

    /**
     * Kiểm tra thành phần hồ sơ và điều kiện: records each rule's result; true when all pass. When the decision
     * table cannot run (an administrator deployed a table that asks for an input the system does not give, say),
     * throws {@link EligibilityTableFailure} before anything is written, and leaves the caller's transaction good:
     * the head's confirmation that triggered the check stays, and the case runs the check again in a job.
     */
    @Transactional(noRollbackFor = EligibilityTableFailure.class)
    public EligibilityOutcome evaluate(Long dossierId) {
        Dossier dossier = dossiers.findById(dossierId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ số " + dossierId + "."));
        DossierActors.requireStatus(dossier, DossierStatus.UNDER_APPRAISAL);
        Award award = awards.findById(dossier.getAwardCode()).orElseThrow();
        int round = ruleResults.findByDossierIdOrderByRoundAscIdAsc(dossierId).stream()
                .mapToInt(DossierRuleResult::getRound).max().orElse(0) + 1;
        Instant now = WorkflowClock.now();
        List<RuleResult> results = new ArrayList<>();
        List<String> missing = award.requiredFor(dossier.getNomineeKind()).stream()
                .filter(type -> !dossier.getDocuments().containsKey(type)).map(DocumentType::label).toList();
        results.add(missing.isEmpty()
                ? new RuleResult("COMPLETENESS", true, "Đủ thành phần hồ sơ theo quy định.")
                : new RuleResult("COMPLETENESS", false, "Thiếu thành phần hồ sơ: " + String.join("; ", missing) + "."));
        DmnDecisionResult dmn = runTable(dossierId, eligibilityInputs(dossier));
        dmn.forEach(row -> results.add(new RuleResult((String) row.get("ruleCode"), (Boolean) row.get("passed"),
                (String) row.get("reason"))));
        results.forEach(r -> ruleResults.save(new DossierRuleResult(dossierId, round, r.ruleCode(), r.passed(),
                r.reason(), now)));
        return new EligibilityOutcome(results.stream().allMatch(RuleResult::passed), results);
    }

    /** One rule's verdict. */
    public record RuleResult(String ruleCode, boolean passed, String reason) {
    }

    /** All verdicts of one evaluation. */
    public record EligibilityOutcome(boolean allPassed, List<RuleResult> results) {

        /** A few lines for the Board's form: ✔ passed, ✘ failed, with reasons. */
        String summary() {
            return results.stream().map(r -> (r.passed() ? "✔ " : "✘ ") + r.reason()).collect(Collectors.joining("\n"));
        }

        List<String> failures() {
            return results.stream().filter(r -> !r.passed()).map(RuleResult::reason).toList();
        }
    }

    private Map<String, Object> eligibilityInputs(Dossier dossier) {
        Map<String, Object> in = new HashMap<>();
        in.put("awardCode", dossier.getAwardCode());
        in.put("nomineeKind", dossier.getNomineeKind().name());
        in.put("blockVote", blockVote(dossier));
        long otherFlags = dossier.getLedGroupId() == null ? 0
                : dossiers.findByAwardCodeAndYearAndLedGroupIdAndStatusIn(dossier.getAwardCode(), dossier.getYear(),
                        dossier.getLedGroupId(), EnumSet.of(DossierStatus.ACCEPTED, DossierStatus.AWARDED))
                        .stream().filter(d -> !d.getId().equals(dossier.getId())).count();
        in.put("otherFlagsForGroup", otherFlags);
        in.put("consecutiveExcellentYears", consecutiveYears(dossier.getExcellentYears(), dossier.getYear()));
        in.put("recognisedInitiatives", dossier.getRecognisedInitiatives() == null ? 0 : dossier.getRecognisedInitiatives());
        in.put("underDiscipline", dossier.isUnderDiscipline());
        in.put("underInvestigation", dossier.isUnderInvestigation());
        in.put("openComplaint", dossier.isOpenComplaint());
        long same = dossiers.countOtherDossiersOfNominee(dossier.getNomineeKey(), dossier.getAwardCode(),
                dossier.getYear(), dossier.getId(), COUNTING_STATUSES);
        in.put("sameAwardSameYear", same);
        return in;
    }

    /**
     * How the block chose (bình xét, suy tôn) the nominee as its leader for the dossier's year:
     * {@code ELECTED} by the block's vote recorded in the system, {@code OTHER_ELECTED} when that vote
     * chose another unit, {@code ELECTED_OUTSIDE} when no vote is recorded but the Board declared that
     * the block voted outside the system with its minutes attached, {@code NO_VOTE} otherwise, and
     * {@code NOT_IN_GROUP} when the unit is not in the block it claims to lead. The registry's block
     * chair never counts as elected: a Flag needs the block's vote of that year.
     */
    String blockVote(Dossier dossier) {
        OrgUnit nomineeUnit = dossier.getNomineeUnitId() == null ? null
                : units.findById(dossier.getNomineeUnitId()).orElse(null);
        boolean inGroup = nomineeUnit != null && nomineeUnit.getEmulationGroup() != null
                && nomineeUnit.getEmulationGroup().getId().equals(dossier.getLedGroupId());
        if (!inGroup) {
            return "NOT_IN_GROUP";
        }
        var elected = leadership.stream().findFirst()
                .flatMap(l -> l.electedLeader(dossier.getLedGroupId(), dossier.getYear()));
        if (elected.isPresent()) {
            return elected.get().equals(nomineeUnit.getId()) ? "ELECTED" : "OTHER_ELECTED";
        }
        return outsideVoteDeclared(dossier) ? "ELECTED_OUTSIDE" : "NO_VOTE";
    }

    /** Whether the block has a vote of the dossier's year recorded in the system. */
    boolean blockVoteRecorded(Dossier dossier) {
        return dossier.getLedGroupId() != null && leadership.stream().findFirst()
                .flatMap(l -> l.electedLeader(dossier.getLedGroupId(), dossier.getYear())).isPresent();
    }

    static boolean outsideVoteDeclared(Dossier dossier) {
        return dossier.getOutsideVoteDeclaredBy() != null
                && dossier.getDocuments().containsKey(DocumentType.BIEN_BAN_KHOI);
    }

    /** The run of consecutive years rated excellent that ends at the award year or the year before. */
    static int consecutiveYears(String years, int awardYear) {
        if (blank(years)) {
            return 0;
        }
        TreeSet<Integer> set = Arrays.stream(years.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
        int end = set.contains(awardYear) ? awardYear : awardYear - 1;
        int run = 0;
        while (set.contains(end - run)) {
            run++;
        }
        return run;
    }

    /**
     * Runs the latest "Điều kiện khen thưởng" table with the DMN engine itself, not through the engine's decision
     * service: a failing command of the engine marks the whole Spring transaction for rollback, and so would undo
     * the step that asked for the check. The rules are the system's check, whoever's step triggers them: no
     * authorization applies. The engine's history of the evaluation was not kept before either (the rules' results
     * are in dossier_rule_result, sealed with the case).
     */
    private DmnDecisionResult runTable(Long dossierId, Map<String, Object> inputs) {
        try {
            if (Context.getCommandContext() == null) {
                // Called from our API (the Board's declaration), whose own transaction rolls back on this failure.
                return engine.getCommandExecutorTxRequired()
                        .execute(context -> engine.getDmnEngine().evaluateDecision(latestTable(), inputs));
            }
            return engine.getDmnEngine().evaluateDecision(latestTable(), inputs);
        } catch (RuntimeException e) {
            LOG.warn("Eligibility table failed for dossier {}: {}", dossierId, e.toString());
            throw new EligibilityTableFailure(dossierId, e);
        }
    }

    private DmnDecision latestTable() {
        return (DmnDecision) Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(WorkflowKeys.DOSSIER_ELIGIBILITY);
    }

    /** The decision table could not run for a dossier; nothing of the evaluation was written. */
    public static final class EligibilityTableFailure extends RuntimeException {

        EligibilityTableFailure(Long dossierId, Throwable cause) {
            super("Không chạy được bảng điều kiện khen thưởng (dossier-eligibility) cho hồ sơ số " + dossierId + ".",
                    cause);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
