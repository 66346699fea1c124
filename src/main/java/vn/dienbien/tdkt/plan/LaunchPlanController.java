package vn.dienbien.tdkt.plan;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** The progress board (JSON and CSV) and one plan's record with all its rounds. */
@RestController
class LaunchPlanController {

    /** Who may read every unit's progress: the Board, those it reports to, auditors, administrators. */
    private static final List<String> OVERSIGHT = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD,
            CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN, CamundaGroups.AUDITORS,
            CamundaGroups.FATHERLAND_FRONT, CamundaGroups.ADMINISTRATORS);
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final LaunchPlanProgress progress;
    private final LaunchPlanRecords records;
    private final OrgUnitRepository units;

    LaunchPlanController(LaunchPlanProgress progress, LaunchPlanRecords records, OrgUnitRepository units) {
        this.progress = progress;
        this.records = records;
        this.units = units;
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
        StringBuilder csv = new StringBuilder("\uFEFF"); // BOM: Excel then reads the Vietnamese text as UTF-8
        csv.append("Mã đơn vị,Tên đơn vị,Cụm/khối,Trạng thái,Số kế hoạch,Ngày kế hoạch,Gửi lần đầu,Gửi gần nhất,"
                + "Đúng hạn,Số lần gửi,Ngày tiếp nhận,Ngày đôn đốc,Lý do trả lại gần nhất\r\n");
        for (var row : board.rows()) {
            csv.append(String.join(",", cell(row.unitCode()), cell(row.unitName()), cell(row.emulationGroup()),
                    cell(row.statusLabel()), cell(row.planNumber()),
                    cell(row.planDate() == null ? null : row.planDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
                    cell(time(row.firstSentAt())), cell(time(row.lastSentAt())),
                    cell(row.onTime() == null ? null : row.onTime() ? "có" : "không"), String.valueOf(row.rounds()),
                    cell(time(row.acceptedAt())), cell(time(row.urgedAt())), cell(row.lastReturnReason())))
                    .append("\r\n");
        }
        csv.append("\r\nTổng hợp\r\n");
        board.countsByLabel().forEach((label, count) -> csv.append(cell(label)).append(',').append(count).append("\r\n"));
        String fileName = "tien-do-ke-hoach-" + board.campaignCode().replaceAll("[^A-Za-z0-9]+", "-") + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
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

    private static void requireOversight(HttpServletRequest request) {
        if (!CurrentUser.of(request).inAnyGroup(OVERSIGHT)) {
            throw ApiException.forbidden("Bảng tiến độ dành cho Ban Thi đua – Khen thưởng, lãnh đạo và kiểm tra viên.");
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, VIETNAM).format(CSV_TIME);
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
