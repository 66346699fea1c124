package vn.dienbien.tdkt.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.decision.AnnulmentView;
import vn.dienbien.tdkt.decision.Annulments;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;

/** Reads dossiers: one dossier's full record, and the award history of a unit or a person. */
@Service
public class DossierQueries {

    private final DossierRepository dossiers;
    private final AwardRepository awards;
    private final DossierStatusChangeRepository changes;
    private final DossierRuleResultRepository rules;
    private final OrgUnitRepository units;
    private final Annulments annulments;

    DossierQueries(DossierRepository dossiers, AwardRepository awards, DossierStatusChangeRepository changes,
            DossierRuleResultRepository rules, OrgUnitRepository units, Annulments annulments) {
        this.dossiers = dossiers;
        this.awards = awards;
        this.changes = changes;
        this.rules = rules;
        this.units = units;
        this.annulments = annulments;
    }

    public record StatusChange(String status, String statusLabel, String actor, Instant at, String reason) {
    }

    public record Rule(int round, String ruleCode, boolean passed, String reason) {
    }

    public record DossierRecord(Long id, int year, String awardCode, String awardName, String nomineeKind,
            String nomineeName, String proposingUnitCode, String proposingUnitName, String status, String statusLabel,
            String achievementSummary, Boolean directWorker, Integer womenSharePercent, Map<String, Long> documents,
            Instant clockStartedAt, int workingDaysUsed, Instant dueAt, String outcomeReason,
            String processInstanceId, List<StatusChange> history, List<Rule> rules, String gender,
            boolean proposingUnitInDifficultArea) {

        /** Ý kiến thẩm định: the Board's note when it last found the dossier eligible, if any. */
        public String appraisalNote() {
            String note = null;
            for (StatusChange change : history) {
                if ("ACCEPTED".equals(change.status())) {
                    note = change.reason();
                }
            }
            return note;
        }
    }

    /**
     * One line of an award history; {@code revocation} ("Đã bị thu hồi theo Quyết định số … ngày …") when the
     * award was later revoked or annulled, and then the status label says so too.
     */
    public record AwardEntry(Long dossierId, int year, String awardCode, String awardName, String nomineeName,
            String unitCode, String unitName, String status, String statusLabel, String outcome, String revocation) {
    }

    @Transactional(readOnly = true)
    public DossierRecord record(Long id) {
        Dossier d = dossier(id);
        OrgUnit unit = units.findById(d.getProposingUnitId()).orElseThrow();
        return new DossierRecord(d.getId(), d.getYear(), d.getAwardCode(), awards.findById(d.getAwardCode()).orElseThrow().getName(),
                d.getNomineeKind().name(), d.getNomineeName(), unit.getCode(), unit.getName(), d.getStatus().name(),
                d.getStatus().label(), d.getAchievementSummary(), d.getDirectWorker(), d.getWomenSharePercent(),
                d.getDocuments().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)),
                d.getClockStartedAt(), d.getWorkingDaysUsed(), d.getDueAt(), d.getOutcomeReason(), d.getProcessInstanceId(),
                changes.findByDossierIdOrderByAtAscIdAsc(id).stream()
                        .map(c -> new StatusChange(c.getStatus().name(), c.getStatus().label(), c.getActor(), c.getAt(), c.getReason()))
                        .toList(),
                rules.findByDossierIdOrderByRoundAscIdAsc(id).stream()
                        .map(r -> new Rule(r.getRound(), r.getRuleCode(), r.isPassed(), r.getReason())).toList(),
                d.getGender(), unit.isEspeciallyDifficultArea());
    }

    /** A dossier as a list names it: its status, nominee and award (a council session lists ten), and its case. */
    public record DossierBrief(Long id, String status, String nomineeName, String awardName,
            String processInstanceId) {
    }

    /**
     * The dossier's brief, without what only its full {@link #record} needs — its unit, status history and rule
     * results: two statements per dossier fewer where a session opens and is tallied (issue 12).
     */
    @Transactional(readOnly = true)
    public DossierBrief brief(Long id) {
        Dossier d = dossier(id);
        return new DossierBrief(d.getId(), d.getStatus().name(), d.getNomineeName(),
                awards.findById(d.getAwardCode()).orElseThrow().getName(), d.getProcessInstanceId());
    }

    private Dossier dossier(Long id) {
        return dossiers.findById(id).orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ số " + id + "."));
    }

    /** Dossiers in one status, e.g. those accepted and waiting for the council. */
    @Transactional(readOnly = true)
    public List<AwardEntry> inStatus(String status) {
        DossierStatus wanted;
        try {
            wanted = DossierStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Trạng thái hồ sơ \"" + status + "\" không hợp lệ.");
        }
        return entries(dossiers.findByStatusOrderById(wanted));
    }

    /** An award given, with what the reports count (kind, unit, direct worker, women). */
    public record AwardedItem(Long dossierId, int year, String awardCode, String awardName, String nomineeKind,
            String nomineeName, String unitName, Boolean directWorker, String gender, Integer womenSharePercent,
            String achievementSummary) {
    }

    /** Every award of a campaign up to a year that still stands (a revoked or annulled award no longer counts). */
    @Transactional(readOnly = true)
    public List<AwardedItem> awardedIn(Long campaignId, int upToYear) {
        var awarded = dossiers.findByCampaignUpToYearInStatus(campaignId, upToYear, DossierStatus.AWARDED);
        var revoked = annulments.ofDossiers(awarded.stream().map(Dossier::getId).toList());
        return awarded.stream().filter(d -> !revoked.containsKey(d.getId()))
                .map(d -> new AwardedItem(d.getId(), d.getYear(), d.getAwardCode(),
                        awards.findById(d.getAwardCode()).orElseThrow().getName(), d.getNomineeKind().name(),
                        d.getNomineeName(), units.findById(d.getProposingUnitId()).orElseThrow().getName(),
                        d.getDirectWorker(), d.getGender(), d.getWomenSharePercent(), d.getAchievementSummary()))
                .toList();
    }

    /** Every dossier of a unit (as nominee or proposer), with its outcome. */
    @Transactional(readOnly = true)
    public List<AwardEntry> historyOfUnit(String unitCode) {
        OrgUnit unit = units.findByCode(unitCode)
                .orElseThrow(() -> ApiException.notFound("Không có đơn vị mã \"" + unitCode + "\"."));
        return entries(dossiers.findByNomineeUnitIdOrProposingUnitIdOrderByYear(unit.getId(), unit.getId()));
    }

    /** Every dossier of a person by name (and birth year, when given). */
    @Transactional(readOnly = true)
    public List<AwardEntry> historyOfPerson(String fullName, Integer birthYear) {
        String wanted = DossierProposals.normalize(fullName);
        // The database finds the candidates by their nominee key's beginning; the exact name is compared here.
        return entries(dossiers.findIndividualsByNomineeKeyPrefix(
                DossierProposals.individualKeyPattern(fullName, birthYear)).stream()
                .filter(d -> DossierProposals.normalize(d.getNomineeName()).equals(wanted)
                        && (birthYear == null || birthYear.equals(d.getBirthYear())))
                .toList());
    }

    /** History lines of these dossiers, each with its revocation if any (read for all of them at once). */
    private List<AwardEntry> entries(List<Dossier> found) {
        Map<Long, AnnulmentView> revoked = annulments.ofDossiers(found.stream()
                .filter(d -> d.getStatus() == DossierStatus.AWARDED).map(Dossier::getId).toList());
        return found.stream().map(d -> entry(d, revoked.get(d.getId()))).toList();
    }

    private AwardEntry entry(Dossier d, AnnulmentView revoked) {
        OrgUnit unit = units.findById(d.getProposingUnitId()).orElseThrow();
        String label = revoked == null ? d.getStatus().label()
                : "đã bị " + revoked.kindLabel() + " khen thưởng (Quyết định số " + revoked.code() + ")";
        return new AwardEntry(d.getId(), d.getYear(), d.getAwardCode(), awards.findById(d.getAwardCode()).orElseThrow().getName(),
                d.getNomineeName(), unit.getCode(), unit.getName(), d.getStatus().name(), label,
                d.getOutcomeReason(), revoked == null ? null : revoked.statement());
    }
}
