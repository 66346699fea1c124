package vn.dienbien.tdkt.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.evaluation.BlockEvaluations;
import vn.dienbien.tdkt.evaluation.TargetProgress;
import vn.dienbien.tdkt.plan.LaunchPlanProgress;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.WorkflowClock;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Sơ kết (mid-term) and tổng kết (final) reviews: the report is compiled from the data, the Board
 * finalises it (and, at the final review, selects the exemplary models), the Chairman approves.
 */
@Service
public class CampaignReviews {

    static final int MAX_NARRATIVE = 8000;
    static final int MAX_NOTE = 3_900;

    private final CampaignService campaigns;
    private final LaunchPlanProgress launchPlans;
    private final BlockEvaluations evaluations;
    private final TargetProgress targets;
    private final DossierQueries dossiers;
    private final ReviewReportRepository reports;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;

    CampaignReviews(CampaignService campaigns, LaunchPlanProgress launchPlans, BlockEvaluations evaluations,
            TargetProgress targets, DossierQueries dossiers, ReviewReportRepository reports,
            RuntimeService runtimeService, ObjectMapper json) {
        this.campaigns = campaigns;
        this.launchPlans = launchPlans;
        this.evaluations = evaluations;
        this.targets = targets;
        this.dossiers = dossiers;
        this.reports = reports;
        this.runtimeService = runtimeService;
        this.json = json;
    }

    /** Starts a review: MID_TERM in the campaign's mid-term year, FINAL in its final year. */
    @Transactional
    public Long start(Long campaignId, String kindName, String by) {
        Campaign campaign = campaigns.get(campaignId);
        ReviewReport.Kind kind;
        try {
            kind = ReviewReport.Kind.valueOf(kindName);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("Loại báo cáo phải là MID_TERM (sơ kết) hoặc FINAL (tổng kết).");
        }
        int year = kind == ReviewReport.Kind.MID_TERM ? campaign.getMidTermReviewYear() : campaign.getFinalReviewYear();
        ReviewContent content = compile(campaign, kind, year);
        ReviewReport report = reports.save(new ReviewReport(campaignId, kind, year, write(content), WorkflowClock.now()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("reportId", report.getId());
        variables.put("reviewKind", kind.name());
        variables.put("reviewTitle", title(kind, campaign.getCode(), year));
        variables.put("reportSummary", content.summary());
        var instance = runtimeService.startProcessInstanceByKey(WorkflowKeys.CAMPAIGN_REVIEW,
                "BC-" + report.getId() + " | " + campaign.getCode(), variables);
        report.attachCase(instance.getId());
        return report.getId();
    }

    /** The report's figures, from the data as it stands. */
    @Transactional(readOnly = true)
    public ReviewContent compile(Campaign campaign, ReviewReport.Kind kind, int year) {
        var plans = launchPlans.board(campaign.getId()).countsByLabel();
        var results = evaluations.resultsOf(campaign.getId(), year);
        Map<String, Long> targetCounts = targets.progress(campaign.getId(), year).stream()
                .collect(Collectors.groupingBy(TargetProgress.Row::statusLabel, TreeMap::new, Collectors.counting()));
        var awarded = dossiers.awardedIn(campaign.getId(), year);
        var people = awarded.stream().filter(a -> !"COLLECTIVE".equals(a.nomineeKind())).toList();
        long direct = people.stream().filter(a -> Boolean.TRUE.equals(a.directWorker())).count();
        var individuals = awarded.stream().filter(a -> "INDIVIDUAL".equals(a.nomineeKind())).toList();
        long women = individuals.stream().filter(a -> "Nữ".equalsIgnoreCase(a.gender())).count();
        long womenCollectives = awarded.stream().filter(a -> "COLLECTIVE".equals(a.nomineeKind())
                && a.womenSharePercent() != null && a.womenSharePercent() >= 70).count();
        return new ReviewContent(campaign.getCode(), kind.name(), year, plans, evaluations.roundsOf(campaign.getId(), year),
                results.stream().map(r -> Map.<String, Object>of("year", r.year(), "block", r.block(), "leader", r.electedUnit()))
                        .toList(),
                targetCounts, awarded.size(), count(awarded, DossierQueries.AwardedItem::awardName),
                count(awarded, a -> kindLabel(a.nomineeKind())), count(awarded, DossierQueries.AwardedItem::unitName),
                awarded.stream().collect(Collectors.groupingBy(DossierQueries.AwardedItem::year, TreeMap::new, Collectors.counting())),
                people.size(), direct, percent(direct, people.size()), individuals.size(), women,
                percent(women, individuals.size()), womenCollectives);
    }

    /** The Board's finalisation: narrative, and at the final review the exemplary models. */
    @Transactional
    public void finalise(Long reportId, String narrative, String exemplaryDossierIds, CurrentUser actor) {
        ReviewReport report = report(reportId);
        requireRole(actor, CamundaGroups.BOARD, "Chỉ Ban Thi đua – Khen thưởng hoàn thiện báo cáo sơ kết, tổng kết.");
        if (report.getStatus() != ReviewReport.Status.DRAFT) {
            throw ApiException.conflict("Báo cáo không ở trạng thái dự thảo (đang chờ phê duyệt hoặc đã phê duyệt).");
        }
        if (narrative == null || narrative.isBlank()) {
            throw ApiException.badRequest("Chưa nhập nội dung đánh giá của báo cáo.");
        }
        if (narrative.trim().length() > MAX_NARRATIVE) {
            throw ApiException.badRequest("Đánh giá chung của báo cáo tối đa 8.000 ký tự.");
        }
        List<ReviewReport.ExemplaryModel> models = List.of();
        if (report.getKind() == ReviewReport.Kind.FINAL) {
            Set<Long> chosen = dossierIds(exemplaryDossierIds);
            if (chosen.isEmpty()) {
                throw ApiException.badRequest("Tổng kết phải chọn ít nhất một điển hình tiên tiến.");
            }
            Map<Long, DossierQueries.AwardedItem> awarded = dossiers.awardedIn(report.getCampaignId(), report.getYear())
                    .stream().collect(Collectors.toMap(DossierQueries.AwardedItem::dossierId, Function.identity()));
            models = chosen.stream().sorted().map(id -> {
                var a = awarded.get(id);
                if (a == null) {
                    throw ApiException.badRequest("Hồ sơ số " + id + " chưa được khen thưởng trong đợt thi đua.");
                }
                return new ReviewReport.ExemplaryModel(id, a.nomineeName(), a.awardName(), a.unitName(), a.year(),
                        a.achievementSummary());
            }).toList();
        }
        report.finalise(narrative.trim(), models, actor == null ? ProcessActors.SYSTEM : actor.userId());
    }

    private static Set<Long> dossierIds(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        if (text.length() > 4000) {
            throw ApiException.badRequest("Danh sách điển hình tiên tiến quá dài.");
        }
        try {
            return Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).map(Long::valueOf)
                    .collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Danh sách điển hình tiên tiến phải là các số hồ sơ, cách nhau bằng dấu phẩy.");
        }
    }

    /** The Chairman approves, or returns the report to the Board with a note. */
    @Transactional
    public boolean decide(Long reportId, String decision, String note, CurrentUser actor) {
        ReviewReport report = report(reportId);
        requireRole(actor, CamundaGroups.CHAIRMAN, "Chỉ Chủ tịch UBND tỉnh phê duyệt báo cáo sơ kết, tổng kết.");
        if (report.getStatus() != ReviewReport.Status.SUBMITTED) {
            throw ApiException.conflict("Báo cáo không ở trạng thái chờ phê duyệt.");
        }
        String trimmedNote = note == null || note.isBlank() ? null : note.trim();
        if (trimmedNote != null && trimmedNote.length() > MAX_NOTE) {
            throw ApiException.badRequest("Ý kiến chỉ đạo tối đa 2.000 ký tự.");
        }
        String by = actor == null ? ProcessActors.SYSTEM : actor.userId();
        if ("APPROVE".equals(decision)) {
            report.approve(by, WorkflowClock.now(), trimmedNote);
            return true;
        }
        if ("RETURN".equals(decision)) {
            if (trimmedNote == null) {
                throw ApiException.badRequest("Trả lại báo cáo phải nêu ý kiến chỉ đạo.");
            }
            report.returnToBoard(trimmedNote);
            return false;
        }
        throw ApiException.badRequest("Chưa chọn ý kiến phê duyệt báo cáo.");
    }

    /** A step of the review is taken by its role; the system (no person) may act for it. */
    private static void requireRole(CurrentUser actor, String group, String refusal) {
        if (actor != null && !actor.inGroup(group)) {
            throw ApiException.forbidden(refusal);
        }
    }

    /**
     * What a review case's task shows: "Sơ kết 383/KH-UBND năm 2023". Read from the case's report —
     * by its process instance, or, while the case is still starting, by the report id its business key
     * ("BC-<id> | <campaign>") carries, which only {@link #start} sets.
     */
    @Transactional(readOnly = true)
    public String titleOfCase(String processInstanceId, String businessKey) {
        ReviewReport report = reports.findByProcessInstanceId(processInstanceId)
                .or(() -> reportOfKey(businessKey).filter(r -> r.getProcessInstanceId() == null))
                .orElseThrow(() -> ApiException.notFound("Hồ sơ xử lý này không thuộc báo cáo sơ kết, tổng kết nào."));
        return title(report.getKind(), campaigns.get(report.getCampaignId()).getCode(), report.getYear());
    }

    private java.util.Optional<ReviewReport> reportOfKey(String businessKey) {
        if (businessKey == null || !businessKey.startsWith("BC-") || !businessKey.contains(" | ")) {
            return java.util.Optional.empty();
        }
        try {
            return reports.findById(Long.valueOf(businessKey.substring(3, businessKey.indexOf(" | "))));
        } catch (NumberFormatException notAnId) {
            return java.util.Optional.empty();
        }
    }

    private static String title(ReviewReport.Kind kind, String campaignCode, int year) {
        return (kind == ReviewReport.Kind.MID_TERM ? "Sơ kết " : "Tổng kết ") + campaignCode + " năm " + year;
    }

    /** The report of a review case. */
    @Transactional(readOnly = true)
    public Long reportOfCase(String processInstanceId) {
        return reports.findByProcessInstanceId(processInstanceId).map(ReviewReport::getId)
                .orElseThrow(() -> ApiException.notFound("Hồ sơ xử lý này không thuộc báo cáo sơ kết, tổng kết nào."));
    }

    /** A report with its figures and exemplary models. */
    public record ReportView(Long id, String kind, int year, String status, String narrative, String approvedBy,
            String chairmanNote, ReviewContent content, List<Map<String, Object>> exemplaryModels) {
    }

    @Transactional(readOnly = true)
    public ReportView view(Long reportId) {
        ReviewReport r = report(reportId);
        return new ReportView(r.getId(), r.getKind().name(), r.getYear(), r.getStatus().name(), r.getNarrative(),
                r.getApprovedBy(), r.getChairmanNote(), read(r.getContentJson()), models(r));
    }

    /** Điển hình tiên tiến of the campaign's approved final review, for the provincial media. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> publishedExemplaryModels(Long campaignId) {
        campaigns.get(campaignId); // an unknown campaign is a 404, not an empty list
        return reports.findByCampaignIdOrderByIdDesc(campaignId).stream()
                .filter(r -> r.getKind() == ReviewReport.Kind.FINAL && r.getStatus() == ReviewReport.Status.APPROVED)
                .findFirst().map(this::models).orElse(List.of());
    }

    private List<Map<String, Object>> models(ReviewReport r) {
        return r.getExemplaryModels().stream().map(m -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("dossierId", m.dossierId);
            line.put("nomineeName", m.nomineeName);
            line.put("awardName", m.awardName);
            line.put("unitName", m.unitName);
            line.put("year", m.year);
            line.put("achievement", m.achievement);
            return line;
        }).toList();
    }

    private static Map<String, Long> count(List<DossierQueries.AwardedItem> items,
            Function<DossierQueries.AwardedItem, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "INDIVIDUAL" -> "cá nhân";
            case "COLLECTIVE" -> "tập thể";
            default -> "hộ gia đình";
        };
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private String write(ReviewContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ReviewContent read(String text) {
        try {
            return json.readValue(text, ReviewContent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ReviewReport report(Long id) {
        return reports.findById(id).orElseThrow(() -> ApiException.notFound("Không có báo cáo số " + id + "."));
    }
}
