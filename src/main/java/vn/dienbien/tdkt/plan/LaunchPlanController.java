package vn.dienbien.tdkt.plan;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.Spreadsheets;

/** The progress board (JSON and CSV) and one plan's record with all its rounds. */
@RestController
class LaunchPlanController {

    /** Who may read every unit's progress: the Board, those it reports to, auditors, administrators. */
    static final List<String> OVERSIGHT = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD,
            CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN, CamundaGroups.AUDITORS,
            CamundaGroups.FATHERLAND_FRONT, CamundaGroups.ADMINISTRATORS);
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final LaunchPlanProgress progress;
    private final LaunchPlanRecords records;
    private final OrgUnitRepository units;
    private final CampaignService campaigns;

    LaunchPlanController(LaunchPlanProgress progress, LaunchPlanRecords records, OrgUnitRepository units,
            CampaignService campaigns) {
        this.progress = progress;
        this.records = records;
        this.units = units;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns/{id}/launch-plan-progress")
    LaunchPlanProgress.Board board(@PathVariable Long id, HttpServletRequest request) {
        requireOversight(request);
        return progress.board(id);
    }

    @GetMapping("/api/campaigns/{id}/launch-plan-progress.csv")
    ResponseEntity<byte[]> csv(@PathVariable Long id, HttpServletRequest request) {
        requireOversight(request);
        var board = progress.board(id);
        String fileName = "tien-do-ke-hoach-" + board.campaignCode().replaceAll("[^A-Za-z0-9]+", "-") + ".csv";
        return Spreadsheets.download(csv(board, campaigns.get(id).zone()), fileName, Spreadsheets.CSV);
    }

    /** The board as CSV, times as the campaign's own clock reads them. */
    static byte[] csv(LaunchPlanProgress.Board board, ZoneId zone) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Mã đơn vị", "Tên đơn vị", "Cụm/khối", "Trạng thái", "Số văn bản", "Ngày văn bản", "Gửi lần đầu",
                "Gửi gần nhất", "Đúng hạn", "Số lần gửi", "Ngày tiếp nhận", "Ngày đôn đốc", "Lý do trả lại gần nhất"));
        for (var row : board.rows()) {
            rows.add(Arrays.asList(row.unitCode(), row.unitName(), row.emulationGroup(), row.statusLabel(),
                    row.planNumber(), row.planDate() == null ? null : row.planDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    time(row.firstSentAt(), zone), time(row.lastSentAt(), zone),
                    row.onTime() == null ? null : row.onTime() ? "có" : "không", row.rounds(),
                    time(row.acceptedAt(), zone), time(row.urgedAt(), zone), row.lastReturnReason()));
        }
        rows.add(List.of());
        rows.add(List.of("Tổng hợp"));
        board.countsByLabel().forEach((label, count) -> rows.add(List.of(label, count)));
        return Spreadsheets.csv(rows);
    }

    @GetMapping("/api/launch-plans/{id}")
    LaunchPlanRecords.PlanRecord plan(@PathVariable Long id, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        LaunchPlanRecords.PlanRecord record = records.record(id);
        boolean ownUnit = units.findByCode(record.unitCode()).map(u -> user.inGroup(u.camundaGroup())).orElse(false);
        if (!ownUnit && !user.inAnyGroup(OVERSIGHT)) {
            throw ApiException.forbidden("Anh/Chị chỉ xem được kế hoạch của đơn vị mình.");
        }
        return record;
    }

    static void requireOversight(HttpServletRequest request) {
        if (!CurrentUser.of(request).inAnyGroup(OVERSIGHT)) {
            throw ApiException.forbidden("Bảng tiến độ dành cho Ban Thi đua – Khen thưởng, lãnh đạo và kiểm tra viên.");
        }
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone).format(CSV_TIME);
    }

}
