package vn.dienbien.tdkt.audit;

import static vn.dienbien.tdkt.audit.CaseTimeline.entry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tells each recorded item as an official reads it: who did what, when, with which data. */
@Component
class CaseNarrator {

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("AWAITING_HEAD", "Chờ thủ trưởng xác nhận"), Map.entry("UNDER_APPRAISAL", "Đang thẩm định"),
            Map.entry("RETURNED", "Trả lại để bổ sung"), Map.entry("ACCEPTED", "Đủ điều kiện, chờ Hội đồng xét"),
            Map.entry("NOT_ELIGIBLE", "Không đủ điều kiện"), Map.entry("WITHDRAWN", "Đơn vị rút hồ sơ"),
            Map.entry("AWARDED", "Được khen thưởng"), Map.entry("NOT_AWARDED", "Không được khen thưởng"));
    /** Statuses of a revocation request (award_revocation), which share words with other records'. */
    private static final Map<String, String> REVOCATION_STATUS = Map.ofEntries(
            Map.entry("REQUESTED", "Chờ lãnh đạo Ban TĐKT kiểm tra"), Map.entry("FORWARDED", "Đã trình Chủ tịch UBND tỉnh"),
            Map.entry("STOPPED", "Lãnh đạo Ban TĐKT dừng đề nghị"),
            Map.entry("REJECTED", "Chủ tịch UBND tỉnh không đồng ý thu hồi, hủy bỏ"),
            Map.entry("APPROVED", "Đã quyết định thu hồi, hủy bỏ"));
    private static final Map<String, String> VOTE = Map.of("YES", "Đồng ý", "NO", "Không đồng ý",
            "ABSTAIN", "Không biểu quyết");
    private static final Map<String, String> OPERATION = Map.ofEntries(Map.entry("Complete", "Hoàn thành nhiệm vụ"),
            Map.entry("Claim", "Nhận việc"), Map.entry("Assign", "Giao việc"), Map.entry("Delegate", "Ủy quyền"),
            Map.entry("Resolve", "Trả kết quả ủy quyền"), Map.entry("SetOwner", "Đổi người phụ trách"),
            Map.entry("SetVariable", "Sửa dữ liệu"), Map.entry("SetVariables", "Sửa dữ liệu"),
            Map.entry("RemoveVariable", "Xóa dữ liệu"), Map.entry("Create", "Khởi tạo"), Map.entry("Delete", "Xóa"),
            Map.entry("Update", "Cập nhật"), Map.entry("ModifyProcessInstance", "Điều chỉnh vụ việc"),
            Map.entry("Suspend", "Tạm dừng"), Map.entry("Activate", "Tiếp tục"), Map.entry("Migrate", "Chuyển phiên bản"),
            Map.entry("SetJobRetries", "Đặt lại số lần thử"), Map.entry("CreateIncident", "Tạo sự cố"),
            Map.entry("Resolve incident", "Xử lý sự cố"));
    private static final Map<String, String> ACTIVITY_TYPE = Map.of("startEvent", "Sự kiện bắt đầu",
            "noneEndEvent", "Kết thúc", "exclusiveGateway", "Rẽ nhánh", "parallelGateway", "Song song",
            "serviceTask", "Bước tự động", "intermediateTimer", "Hẹn giờ", "boundaryTimer", "Hết hạn",
            "callActivity", "Gọi quy trình", "businessRuleTask", "Bảng quy tắc", "subProcess", "Quy trình con");
    private static final String[] JOB_STATE = {"Tạo công việc tự động", "Công việc tự động thất bại",
            "Công việc tự động hoàn thành", "Công việc tự động bị hủy"};

    private final JdbcTemplate jdbc;

    CaseNarrator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CaseRecord.TimelineEntry> tell(String caseId, List<CaseItem> items, Map<String, String> states) {
        var names = new CaseTimeline.Names(jdbc);
        Map<String, String> completers = new HashMap<>();
        Map<Long, Map<String, Object>> documents = new HashMap<>();
        Map<String, Object> session = null;
        Map<Object, List<String>> explicitMappings = new HashMap<>();
        for (CaseItem item : items) {
            Map<String, Object> row = item.row();
            if (CaseItems.MIGRATION_MAPPING.equals(item.source()) && Boolean.TRUE.equals(row.get("explicit"))) {
                explicitMappings.computeIfAbsent(String.valueOf(row.get("migration_id")), k -> new ArrayList<>())
                        .add(row.get("source_activity_id") + " → " + row.get("target_activity_id"));
            }
            if (CaseItems.OPERATION.equals(item.source()) && "Complete".equals(row.get("OPERATION_TYPE_"))
                    && row.get("TASK_ID_") != null) {
                completers.put((String) row.get("TASK_ID_"), (String) row.get("USER_ID_"));
            }
            if (CaseItems.DOCUMENT.equals(item.source())) {
                documents.put(((Number) row.get("id")).longValue(), row);
            }
            if ("council_session".equals(item.source())) {
                session = row;
            }
        }
        Map<String, Object> previousValue = new HashMap<>();
        List<CaseItem> details = items.stream().filter(i -> CaseItems.DETAIL.equals(i.source()))
                .sorted(java.util.Comparator.comparing((CaseItem i) -> instant(i.row().get("TIME_")))
                        .thenComparing(i -> ((Number) i.row().get("SEQUENCE_COUNTER_")).longValue()))
                .toList();
        Map<String, String> detailBefore = new HashMap<>();
        for (CaseItem item : details) {
            String name = (String) item.row().get("NAME_");
            Object value = value(item.row());
            // A first change of a variable that already had a value (revision > 0): its earlier value was not
            // written to history (the audit's history level leaves out the values a case is started with).
            detailBefore.put(item.ref(), previousValue.containsKey(name) ? show(previousValue.get(name))
                    : item.row().get("REV_") instanceof Number revision && revision.intValue() > 0
                            ? "(giá trị trước không được ghi lại)" : "(chưa có)");
            previousValue.put(name, value);
        }
        Map<String, List<CaseItem>> operations = new LinkedHashMap<>();
        List<CaseRecord.TimelineEntry> entries = new ArrayList<>();
        for (CaseItem item : items) {
            String integrity = states.getOrDefault(item.ref(), "OK");
            Map<String, Object> row = item.row();
            Teller t = new Teller(entries, item, integrity, names);
            switch (item.source()) {
                case CaseItems.PROCESS -> {
                    t.add(row.get("START_TIME_"), "ENGINE", "PROCESS_STARTED", "Bắt đầu vụ việc",
                            (String) row.get("START_USER_ID_"), details("Mã vụ việc", row.get("ID_"),
                                    "Phiên bản quy trình", row.get("PROC_DEF_ID_"), "Mã nghiệp vụ", row.get("BUSINESS_KEY_")));
                    if (row.get("END_TIME_") != null) {
                        t.add(row.get("END_TIME_"), "ENGINE", "PROCESS_ENDED", "Kết thúc vụ việc", null,
                                details("Trạng thái", row.get("STATE_"), "Lý do", row.get("DELETE_REASON_")));
                    }
                }
                case CaseItems.ACTIVITY -> tellActivity(t, row);
                case CaseItems.TASK -> {
                    String taskName = String.valueOf(row.get("NAME_"));
                    t.add(row.get("START_TIME_"), "ENGINE", "TASK_CREATED", "Giao nhiệm vụ: " + taskName, null,
                            details("Hạn xử lý", when(row.get("DUE_DATE_")), "Mô tả", row.get("DESCRIPTION_")));
                    if (row.get("END_TIME_") != null) {
                        boolean completed = "completed".equals(row.get("DELETE_REASON_"));
                        String by = completers.getOrDefault((String) row.get("ID_"), (String) row.get("ASSIGNEE_"));
                        t.add(row.get("END_TIME_"), "ENGINE", completed ? "TASK_COMPLETED" : "TASK_ENDED",
                                (completed ? "Hoàn thành nhiệm vụ: " : "Nhiệm vụ kết thúc: ") + taskName, by,
                                details("Lý do kết thúc", completed ? null : row.get("DELETE_REASON_")));
                    }
                }
                case CaseItems.IDENTITY_LINK -> tellIdentityLink(t, row);
                case CaseItems.DETAIL -> {
                    boolean form = "FormProperty".equals(row.get("TYPE_"));
                    t.add(row.get("TIME_"), "ENGINE", form ? "FORM_FIELD" : "VARIABLE_CHANGED",
                            (form ? "Dữ liệu biểu mẫu: " : "Dữ liệu thay đổi: ") + row.get("NAME_"),
                            row.get("TASK_ID_") == null ? null : completers.get((String) row.get("TASK_ID_")),
                            details("Trước", form ? null : detailBefore.get(item.ref()), "Sau", show(value(row)),
                                    "Kiểu", row.get("VAR_TYPE_")));
                }
                case CaseItems.OPERATION -> operations.computeIfAbsent(String.valueOf(row.get("OPERATION_ID_")),
                        k -> new ArrayList<>()).add(item);
                case CaseItems.INCIDENT -> {
                    t.add(row.get("CREATE_TIME_"), "ENGINE", "INCIDENT", "Sự cố: " + row.get("INCIDENT_MSG_"), null,
                            details("Loại", row.get("INCIDENT_TYPE_"), "Bước", row.get("ACTIVITY_ID_")));
                    if (row.get("END_TIME_") != null) {
                        t.add(row.get("END_TIME_"), "ENGINE", "INCIDENT_RESOLVED", "Sự cố đã được xử lý", null,
                                details("Trạng thái", row.get("INCIDENT_STATE_")));
                    }
                }
                case CaseItems.JOB -> {
                    int state = row.get("JOB_STATE_") == null ? 0 : ((Number) row.get("JOB_STATE_")).intValue();
                    t.add(row.get("TIMESTAMP_"), "ENGINE", "JOB", JOB_STATE[Math.min(Math.max(state, 0), 3)], null,
                            details("Bước", row.get("ACT_ID_"), "Loại", row.get("JOB_DEF_TYPE_"), "Số lần thử còn lại",
                                    row.get("JOB_RETRIES_"), "Lỗi", row.get("JOB_EXCEPTION_MSG_"), "Máy chủ",
                                    row.get("HOSTNAME_")));
                }
                case CaseItems.COMMENT -> t.add(row.get("created_at"), "COMMENT", "COMMENT",
                        "Ý kiến giám sát của Ủy ban MTTQ tỉnh", (String) row.get("author"),
                        details("Nội dung", row.get("body")));
                case CaseItems.NOTIFICATION -> t.add(row.get("created_at"), "RECORD", "NOTIFICATION",
                        "Thông báo gửi " + (row.get("unit_id") != null ? unitName(row.get("unit_id"))
                                : "nhóm " + row.get("recipient_group")) + ": " + row.get("subject"), null,
                        details("Loại", row.get("kind"), "Nội dung", row.get("body")));
                case CaseItems.DOCUMENT -> t.add(row.get("uploaded_at"), "RECORD", "DOCUMENT",
                        "Văn bản: " + row.get("file_name"), (String) row.get("uploaded_by"),
                        details("SHA-256", row.get("sha256"), "Dung lượng (byte)", row.get("size_bytes"),
                                "Loại tệp", row.get("content_type")),
                        "/api/documents/" + row.get("id") + "/content");
                case CaseItems.MIGRATION -> {
                    String by = (String) row.get("migrated_by");
                    List<String> explicit = explicitMappings.get(String.valueOf(row.get("migration_id")));
                    t.add(row.get("migrated_at"), "RECORD", "MIGRATION", "Chuyển sang phiên bản "
                            + row.get("target_version") + " của quy trình bởi " + names.of(by) + " lúc "
                            + when(row.get("migrated_at")), by, details("Từ phiên bản", row.get("source_version"),
                                    "Sang phiên bản", row.get("target_version"), "Quy trình", row.get("process_key"),
                                    "Bước ánh xạ thủ công", explicit == null ? "Không (các bước cùng mã)"
                                            : String.join("; ", explicit)));
                }
                case CaseItems.MIGRATION_MAPPING -> { } // told with its migration above
                default -> tellRecord(t, item, documents, session);
            }
        }
        for (List<CaseItem> operation : operations.values()) {
            tellOperation(entries, operation, states, names);
        }
        return entries;
    }

    private void tellActivity(Teller t, Map<String, Object> row) {
        String type = String.valueOf(row.get("ACT_TYPE_"));
        if ("userTask".equals(type) || "multiInstanceBody".equals(type)) {
            return; // a user task is told by its task; a multi-instance body by its instances
        }
        String name = row.get("ACT_NAME_") != null ? (String) row.get("ACT_NAME_") : (String) row.get("ACT_ID_");
        String kind = ACTIVITY_TYPE.getOrDefault(type, type);
        Instant start = instant(row.get("START_TIME_"));
        Instant end = instant(row.get("END_TIME_"));
        if (end != null && end.equals(start)) {
            t.add(start, "ENGINE", "ACTIVITY", kind + ": " + name, null,
                    details("Bước", row.get("ACT_ID_"), "Quy trình được gọi", row.get("CALL_PROC_INST_ID_")));
            return;
        }
        t.add(start, "ENGINE", "ACTIVITY_STARTED", "Bắt đầu bước: " + name, null,
                details("Loại", kind, "Bước", row.get("ACT_ID_"), "Quy trình được gọi", row.get("CALL_PROC_INST_ID_")));
        if (end != null) {
            t.add(end, "ENGINE", "ACTIVITY_ENDED", "Xong bước: " + name, null,
                    details("Trạng thái", CaseTimeline.isCanceled(row) ? "Bị hủy" : "Hoàn thành"));
        }
    }

    private void tellIdentityLink(Teller t, Map<String, Object> row) {
        boolean added = "add".equals(row.get("OPERATION_TYPE_"));
        String type = String.valueOf(row.get("TYPE_"));
        String user = (String) row.get("USER_ID_");
        String group = (String) row.get("GROUP_ID_");
        String assigner = (String) row.get("ASSIGNER_ID_");
        String title;
        if ("candidate".equals(type)) {
            title = (added ? "Giao cho " : "Thôi giao cho ") + (group != null ? "nhóm " + group : user);
        } else if ("assignee".equals(type)) {
            title = added ? (user != null && user.equals(assigner) ? "Nhận việc" : "Giao việc cho " + user)
                    : "Trả lại việc của " + user;
        } else if ("owner".equals(type)) {
            title = (added ? "Người phụ trách: " : "Thôi phụ trách: ") + user;
        } else {
            title = "Phân công (" + type + "): " + (user != null ? user : group);
        }
        t.add(row.get("TIMESTAMP_"), "ENGINE", "IDENTITY_LINK", title, assigner,
                details("Nhiệm vụ", row.get("TASK_ID_"), "Người", user, "Nhóm", group));
    }

    private void tellOperation(List<CaseRecord.TimelineEntry> entries, List<CaseItem> operation,
            Map<String, String> states, CaseTimeline.Names names) {
        Map<String, Object> first = operation.get(0).row();
        Map<String, String> details = new LinkedHashMap<>();
        String integrity = "OK";
        for (CaseItem item : operation) {
            Map<String, Object> row = item.row();
            if (row.get("PROPERTY_") != null) {
                details.put(String.valueOf(row.get("PROPERTY_")),
                        show(row.get("ORG_VALUE_")) + " → " + show(row.get("NEW_VALUE_")));
            }
            String state = states.getOrDefault(item.ref(), "OK");
            if (!"OK".equals(state)) {
                integrity = state;
            }
        }
        if (first.get("TASK_ID_") != null) {
            details.put("Nhiệm vụ", String.valueOf(first.get("TASK_ID_")));
        }
        String type = String.valueOf(first.get("OPERATION_TYPE_"));
        String user = (String) first.get("USER_ID_");
        entries.add(entry(instant(first.get("TIMESTAMP_")), "ENGINE", "OPERATION",
                "Thao tác: " + OPERATION.getOrDefault(type, type) + " (" + first.get("ENTITY_TYPE_") + ")", user,
                names.of(user), details, null, operation.get(0).ref(), integrity));
    }

    private void tellRecord(Teller t, CaseItem item, Map<Long, Map<String, Object>> documents,
            Map<String, Object> session) {
        Map<String, Object> row = item.row();
        switch (item.source()) {
            case "dossier" -> t.add(row.get("created_at"), "RECORD", "DOSSIER", "Lập hồ sơ đề nghị khen thưởng",
                    (String) row.get("created_by"), details("Đối tượng", row.get("nominee_name"), "Hình thức",
                            row.get("award_code"), "Năm", row.get("award_year"), "Chức vụ", row.get("position"),
                            "Đơn vị công tác", row.get("work_unit"), "Tóm tắt thành tích", row.get("achievement_summary"),
                            "Các năm hoàn thành xuất sắc", row.get("excellent_years"), "Sáng kiến được công nhận",
                            row.get("recognised_initiatives"), "Trạng thái hiện nay",
                            STATUS.getOrDefault(String.valueOf(row.get("status")), String.valueOf(row.get("status")))));
            case "dossier_status_history" -> t.add(row.get("changed_at"), "RECORD", "STATUS",
                    "Trạng thái hồ sơ: " + STATUS.getOrDefault(String.valueOf(row.get("status")),
                            String.valueOf(row.get("status"))), (String) row.get("actor"),
                    details("Lý do", row.get("reason")));
            case "dossier_rule_result" -> t.add(row.get("evaluated_at"), "RECORD", "RULE",
                    "Kiểm tra điều kiện " + row.get("rule_code") + ": "
                            + (Boolean.TRUE.equals(row.get("passed")) ? "Đạt" : "Không đạt"), null,
                    details("Lần kiểm tra", row.get("round_no"), "Căn cứ", row.get("reason")));
            case "dossier_document" -> {
                Long documentId = ((Number) row.get("document_id")).longValue();
                Map<String, Object> document = documents.get(documentId);
                t.add(document == null ? null : document.get("uploaded_at"), "RECORD", "ATTACHMENT",
                        "Thành phần hồ sơ " + row.get("document_type") + ": "
                                + (document == null ? "văn bản số " + documentId : document.get("file_name")),
                        document == null ? null : (String) document.get("uploaded_by"),
                        details("SHA-256", document == null ? null : document.get("sha256")),
                        "/api/documents/" + documentId + "/content");
            }
            case "council_session_dossier" -> {
                Object at = session != null ? firstSet(session.get("voting_closed_at"), session.get("opened_at"))
                        : jdbc.queryForList("select coalesce(voting_closed_at, opened_at) from council_session where id = ?",
                                Object.class, row.get("session_id")).stream().findFirst().orElse(null);
                String passed = row.get("passed") == null ? "chưa kiểm phiếu"
                        : Boolean.TRUE.equals(row.get("passed")) ? "Thông qua" : "Không thông qua";
                t.add(at, "RECORD", "TALLY", "Kết quả biểu quyết hồ sơ số " + row.get("dossier_id") + ": " + passed,
                        null, details("Đồng ý", row.get("yes_votes"), "Không đồng ý", row.get("no_votes"),
                                "Không biểu quyết", row.get("abstentions"), "Xung đột lợi ích", row.get("conflicts"),
                                "Số thành viên tính", row.get("eligible_voters"), "Chủ tịch loại khỏi danh sách, lý do",
                                row.get("excluded_reason")));
            }
            case "council_session" -> {
                t.add(row.get("opened_at"), "RECORD", "SESSION_OPENED", "Mở phiên họp: " + row.get("title"),
                        (String) row.get("opened_by"), details("Ngày họp", row.get("meeting_date"), "Số thành viên",
                                row.get("member_count"), "Hạn biểu quyết", when(row.get("voting_due_at")),
                                "Trạng thái hiện nay", row.get("status"), "Ý kiến trình", row.get("submission_note"),
                                "Người trình", row.get("submitted_by"), "Ý kiến Chủ tịch", row.get("chairman_decision"),
                                "Ghi chú của Chủ tịch", row.get("chairman_note"), "Quyết định", row.get("decision_code")));
                if (row.get("voting_closed_at") != null) {
                    t.add(row.get("voting_closed_at"), "RECORD", "VOTING_CLOSED", "Kết thúc biểu quyết",
                            (String) row.get("voting_closed_by"), details());
                }
                if (row.get("adjourned_at") != null) {
                    t.add(row.get("adjourned_at"), "RECORD", "ADJOURNED", "Hoãn phiên họp",
                            (String) row.get("adjourned_by"), details("Lý do", row.get("adjourn_reason")));
                }
            }
            case "council_session_member" -> t.add(session == null ? null : session.get("opened_at"), "RECORD", "MEMBER",
                    "Thành viên phiên họp: " + row.get("member_id"), null, details());
            case "council_session_absence" -> t.add(session == null ? null : session.get("voting_closed_at"), "RECORD",
                    "ABSENT", "Vắng mặt, không có phiếu: " + row.get("member_id"), null, details());
            case "council_vote" -> {
                boolean open = session == null || "VOTING".equals(session.get("status"));
                if (open) {
                    t.add(row.get("recorded_at"), "RECORD", "BALLOT", "Đã nhận phiếu biểu quyết của "
                            + row.get("member_id"), (String) row.get("recorded_by"),
                            details("Nội dung phiếu", "chỉ hiển thị sau khi kết thúc biểu quyết"));
                } else {
                    t.add(row.get("recorded_at"), "RECORD", "BALLOT", "Phiếu của " + row.get("member_id")
                            + " về hồ sơ số " + row.get("dossier_id") + ": "
                            + VOTE.getOrDefault(String.valueOf(row.get("vote")), String.valueOf(row.get("vote"))),
                            (String) row.get("recorded_by"), details("Ý kiến", row.get("comment"), "Xung đột lợi ích",
                                    yesNo(row.get("conflict_of_interest")), "Phiếu gửi bằng văn bản",
                                    yesNo(row.get("written"))));
                }
            }
            case "decision" -> t.add(row.get("issued_at"), "RECORD", "DECISION",
                    "Ban hành quyết định số " + row.get("code"), (String) row.get("issued_by"),
                    details("Trích yếu", row.get("title"), "Ngày ký", row.get("signed_on"), "Người ký", row.get("signer")));
            case "council_session_approval" -> {
                if (row.get("submitted_at") != null) {
                    t.add(row.get("submitted_at"), "RECORD", "SUBMITTED", "Thường trực Hội đồng lập tờ trình", null,
                            details());
                }
                t.add(row.get("chairman_decided_at"), "RECORD", "CHAIRMAN_DECIDED", "Chủ tịch UBND tỉnh cho ý kiến tờ trình",
                        (String) row.get("chairman_decided_by"), details());
            }
            case "decision_registration" -> t.add(row.get("registered_at"), "RECORD", "DECISION_REGISTERED",
                    "Văn thư vào số quyết định " + row.get("code"), (String) row.get("registered_by"),
                    details("Ngày ký", row.get("signed_on")),
                    row.get("scan_document_id") == null ? null : "/api/documents/" + row.get("scan_document_id") + "/content");
            case "decision_awardee" -> t.add(row.get("issued_at") != null ? row.get("issued_at") : issuedAt(row),
                    "RECORD", "AWARDEE", row.get("code") != null
                            ? "Quyết định khen thưởng số " + row.get("code") + ": " + row.get("nominee_name")
                            : "Được khen thưởng: " + row.get("nominee_name"),
                    (String) row.get("issued_by"), details("Đơn vị", row.get("unit_name"), "Hình thức",
                            row.get("award_code"), "Ngày ký", row.get("signed_on"), "Người ký", row.get("signer")));
            case "reporting_round" -> t.add(row.get("declared_at"), "RECORD", "ROUND_DECLARED",
                    "Khai báo đợt gửi: " + row.get("title"), (String) row.get("declared_by"),
                    details("Hạn gửi (trước)", row.get("due_at"), "Năm", row.get("period_year"), "Kết thúc lúc",
                            row.get("closed_at")));
            case "award_revocation" -> {
                t.add(row.get("requested_at"), "RECORD", "REVOCATION_REQUESTED", "Đề nghị " + kindLabel(row.get("kind"))
                        + " khen thưởng của hồ sơ số " + row.get("dossier_id"), (String) row.get("requested_by"),
                        details("Lý do", row.get("reason"), "Trạng thái hiện nay", row.get("status")),
                        row.get("evidence_document_id") == null ? null
                                : "/api/documents/" + row.get("evidence_document_id") + "/content");
                if (row.get("checked_at") != null) {
                    t.add(row.get("checked_at"), "RECORD", "REVOCATION_CHECKED", "Lãnh đạo Ban TĐKT kiểm tra đề nghị "
                            + kindLabel(row.get("kind")), (String) row.get("checked_by"), details("Ý kiến", row.get("check_note")));
                }
                if (row.get("decided_at") != null) {
                    t.add(row.get("decided_at"), "RECORD", "REVOCATION_DECIDED", row.get("annulment_id") != null
                            ? "Chủ tịch UBND tỉnh đồng ý " + kindLabel(row.get("kind")) + " khen thưởng"
                            : "Chủ tịch UBND tỉnh không đồng ý " + kindLabel(row.get("kind")) + " khen thưởng",
                            (String) row.get("decided_by"), details("Ý kiến", row.get("decision_note")));
                }
            }
            case "award_annulment" -> t.add(row.get("decided_at"), "RECORD", "ANNULMENT",
                    "Quyết định số " + row.get("code") + " " + kindLabel(row.get("kind")) + " khen thưởng của hồ sơ số "
                            + row.get("dossier_id"), (String) row.get("decided_by"), details("Lý do", row.get("reason"),
                            "Ngày ký", row.get("signed_on"), "Người ký", row.get("signer")));
            case "launch_plan_submission" -> t.add(row.get("sent_at"), "RECORD", "PLAN_SENT",
                    "Gửi kế hoạch (lần " + row.get("round_no") + "): số " + row.get("plan_number"),
                    (String) row.get("sent_by"), details("Ngày kế hoạch", row.get("plan_date"), "Tóm tắt",
                            row.get("summary"), "Đúng hạn", yesNo(row.get("on_time"))),
                    "/api/documents/" + row.get("document_id") + "/content");
            case "launch_plan_review" -> t.add(row.get("reviewed_at"), "RECORD", "PLAN_REVIEWED",
                    "Ban TĐKT xem xét kế hoạch (lần " + row.get("round_no") + "): " + row.get("outcome"),
                    (String) row.get("reviewer"), details("Lý do", row.get("reason")));
            case "launch_plan_urging" -> t.add(row.get("urged_at"), "RECORD", "PLAN_URGED",
                    "Đôn đốc gửi kế hoạch (" + row.get("method") + ")", (String) row.get("urged_by"),
                    details("Nội dung", row.get("note")));
            default -> t.add(timeOf(row), "RECORD", item.source().toUpperCase(java.util.Locale.ROOT), item.label(),
                    actorOf(row), generic(row));
        }
    }

    private static String kindLabel(Object kind) {
        return "ANNUL".equals(kind) ? "hủy bỏ" : "thu hồi";
    }

    private String unitName(Object unitId) {
        return jdbc.queryForList("select name from org_unit where id = ?", String.class, unitId).stream().findFirst()
                .orElse("đơn vị số " + unitId);
    }

    private Object issuedAt(Map<String, Object> row) {
        return jdbc.queryForList("select issued_at from decision where id = ?", Object.class, row.get("decision_id"))
                .stream().findFirst().orElse(null);
    }

    /** Summary of one case for its page; the search lists the same fields for many. */
    CaseSummary summary(String caseId, CaseItems.Kind kind, Map<String, Object> process) {
        OffsetDateTime started = local(process.get("START_TIME_"));
        OffsetDateTime ended = local(process.get("END_TIME_"));
        String title = (String) process.get("DEF_NAME_");
        List<Map<String, Object>> rows = switch (kind) {
            case DOSSIER -> jdbc.queryForList("select d.id, c.code as campaign_code, d.award_year as yr, u.code as unit_code,"
                    + " u.name as unit_name, g.name as group_name, d.award_code, a.name as award_name, d.nominee_name,"
                    + " d.status, (select max(x.code) from decision_awardee w join decision x on x.id = w.decision_id"
                    + " where w.dossier_id = d.id) as decision_code from dossier d join campaign c on c.id = d.campaign_id"
                    + " join org_unit u on u.id = d.proposing_unit_id left join emulation_group g"
                    + " on g.id = u.emulation_group_id join award a on a.code = d.award_code"
                    + " where d.process_instance_id = ?", caseId);
            case LAUNCH_PLAN -> jdbc.queryForList("select p.id, c.code as campaign_code, rd.period_year as yr,"
                    + " u.code as unit_code, u.name as unit_name, g.name as group_name, p.status, rd.kind as round_kind,"
                    + " rd.title as round_title from launch_plan p"
                    + " join campaign c on c.id = p.campaign_id join reporting_round rd on rd.id = p.round_id"
                    + " join org_unit u on u.id = p.unit_id"
                    + " left join emulation_group g on g.id = u.emulation_group_id where p.process_instance_id = ?", caseId);
            case COUNCIL_SESSION -> jdbc.queryForList("select s.id, s.title, s.status, s.decision_code,"
                    + " extract(year from s.meeting_date) as yr from council_session s where s.process_instance_id = ?",
                    caseId);
            case EVALUATION -> jdbc.queryForList("select r.id, c.code as campaign_code, r.round_year as yr, r.status"
                    + " from evaluation_round r join campaign c on c.id = r.campaign_id where r.process_instance_id = ?",
                    caseId);
            case REVIEW -> jdbc.queryForList("select r.id, c.code as campaign_code, r.review_year as yr, r.status"
                    + " from review_report r join campaign c on c.id = r.campaign_id where r.process_instance_id = ?",
                    caseId);
            case REVOCATION -> jdbc.queryForList("select r.id, r.dossier_id, r.status, d.award_year as yr, u.code as unit_code,"
                    + " u.name as unit_name, d.award_code, a.name as award_name, d.nominee_name, x.code as decision_code"
                    + " from award_revocation r join dossier d on d.id = r.dossier_id join decision x on x.id = r.decision_id"
                    + " join org_unit u on u.id = d.proposing_unit_id join award a on a.code = d.award_code"
                    + " where r.process_instance_id = ?", caseId);
            default -> List.of();
        };
        Map<String, Object> r = rows.isEmpty() ? Map.of() : rows.get(0);
        String status = r.get("status") == null ? null : String.valueOf(r.get("status"));
        if (kind == CaseItems.Kind.REVOCATION && r.get("nominee_name") != null) {
            title = "Thu hồi, hủy bỏ khen thưởng – " + r.get("nominee_name") + " (" + r.get("unit_name") + ")";
        } else if (kind == CaseItems.Kind.DOSSIER && r.get("nominee_name") != null) {
            title = r.get("award_name") + " – " + r.get("nominee_name") + " (" + r.get("unit_name") + ")";
        } else if (kind == CaseItems.Kind.LAUNCH_PLAN && r.get("unit_name") != null) {
            title = ("LAUNCH_PLAN".equals(r.get("round_kind")) ? "Kế hoạch phát động" : r.get("round_title"))
                    + " – " + r.get("unit_name");
        } else if (r.get("title") != null) {
            title = (String) r.get("title");
        }
        return new CaseSummary(caseId, kind.name(), kind.label, r.get("id") == null ? null : ((Number) r.get("id")).longValue(),
                title, (String) r.get("campaign_code"), r.get("yr") == null ? null : ((Number) r.get("yr")).intValue(),
                (String) r.get("unit_code"), (String) r.get("unit_name"), (String) r.get("group_name"),
                (String) r.get("award_code"), (String) r.get("award_name"), (String) r.get("nominee_name"), status,
                status == null ? null : (kind == CaseItems.Kind.REVOCATION ? REVOCATION_STATUS : STATUS)
                        .getOrDefault(status, status), (String) r.get("decision_code"), started, ended,
                kind == CaseItems.Kind.DOSSIER && r.get("id") != null ? revocationOf(((Number) r.get("id")).longValue())
                        : kind == CaseItems.Kind.REVOCATION && r.get("dossier_id") != null
                                ? revocationOf(((Number) r.get("dossier_id")).longValue()) : null);
    }

    /** The dossier's award revoked or annulled, said as the exports say it; null when it stands. */
    private String revocationOf(long dossierId) {
        return jdbc.queryForList("select kind, code, signed_on from award_annulment where dossier_id = ?", dossierId)
                .stream().findFirst().map(n -> CaseRows.revocation((String) n.get("kind"), (String) n.get("code"),
                        n.get("signed_on") instanceof java.sql.Date d ? d.toLocalDate()
                                : n.get("signed_on") instanceof java.time.LocalDate l ? l : null))
                .orElse(null);
    }

    /** A dossier ↔ its council session ↔ its decision ↔ the block vote that elected a Flag unit. */
    List<CaseRecord.RelatedCase> related(String caseId, CaseItems.Kind kind) {
        List<CaseRecord.RelatedCase> related = new ArrayList<>();
        String process = "select p.ID_ as case_id, p.PROC_DEF_KEY_, d.NAME_ from ACT_HI_PROCINST p"
                + " left join ACT_RE_PROCDEF d on d.ID_ = p.PROC_DEF_ID_ where ";
        link(related, process + "p.ID_ = (select SUPER_PROCESS_INSTANCE_ID_ from ACT_HI_PROCINST where ID_ = ?)", caseId,
                CaseNarrator::kindOf, row -> (String) row.get("NAME_"), "Quy trình cha");
        link(related, process + "p.SUPER_PROCESS_INSTANCE_ID_ = ?", caseId, CaseNarrator::kindOf,
                row -> (String) row.get("NAME_"), "Quy trình con");
        switch (kind) {
            case DOSSIER -> {
                link(related, "select s.process_instance_id as case_id, s.title, s.decision_code"
                        + " from council_session_dossier sd join council_session s on s.id = sd.session_id"
                        + " join dossier d on d.id = sd.dossier_id where d.process_instance_id = ?"
                        + " and s.process_instance_id is not null", caseId, row -> "COUNCIL_SESSION",
                        row -> row.get("title") + (row.get("decision_code") == null ? ""
                                : " – Quyết định số " + row.get("decision_code")), "Phiên họp Hội đồng xét hồ sơ");
                link(related, "select r.process_instance_id as case_id, r.round_year"
                        + " from block_result b join evaluation_round r on r.id = b.round_id"
                        + " join dossier d on d.id = b.flag_dossier_id where d.process_instance_id = ?"
                        + " and r.process_instance_id is not null", caseId, row -> "EVALUATION",
                        row -> "Bình xét năm " + row.get("round_year"), "Khối bình xét, suy tôn đơn vị dẫn đầu");
            }
            case COUNCIL_SESSION -> link(related, "select d.process_instance_id as case_id, d.nominee_name"
                    + " from council_session_dossier sd join dossier d on d.id = sd.dossier_id"
                    + " join council_session s on s.id = sd.session_id where s.process_instance_id = ?"
                    + " and d.process_instance_id is not null", caseId, row -> "DOSSIER",
                    row -> "Hồ sơ: " + row.get("nominee_name"), "Hồ sơ được xét tại phiên họp");
            case EVALUATION -> link(related, "select d.process_instance_id as case_id, d.nominee_name"
                    + " from block_result b join evaluation_round r on r.id = b.round_id"
                    + " join dossier d on d.id = b.flag_dossier_id where r.process_instance_id = ?"
                    + " and d.process_instance_id is not null", caseId, row -> "DOSSIER",
                    row -> "Hồ sơ Cờ thi đua: " + row.get("nominee_name"), "Hồ sơ của đơn vị được suy tôn");
            default -> { }
        }
        return related;
    }

    /** One kind of link: each row of the query (its {@code case_id}) becomes a related case. */
    private void link(List<CaseRecord.RelatedCase> related, String sql, String caseId,
            java.util.function.Function<Map<String, Object>, String> kind,
            java.util.function.Function<Map<String, Object>, String> label, String relation) {
        for (Map<String, Object> row : jdbc.queryForList(sql, caseId)) {
            related.add(new CaseRecord.RelatedCase((String) row.get("case_id"), kind.apply(row), label.apply(row),
                    relation));
        }
    }

    private static String kindOf(Map<String, Object> row) {
        return CaseItems.Kind.of((String) row.get("PROC_DEF_KEY_")).name();
    }

    /** Adds the entries of one item with its integrity and the actor's name. */
    private static final class Teller {
        private final List<CaseRecord.TimelineEntry> entries;
        private final CaseItem item;
        private final String integrity;
        private final CaseTimeline.Names names;

        Teller(List<CaseRecord.TimelineEntry> entries, CaseItem item, String integrity, CaseTimeline.Names names) {
            this.entries = entries;
            this.item = item;
            this.integrity = integrity;
            this.names = names;
        }

        void add(Object at, String source, String kind, String title, String actor, Map<String, String> details) {
            add(at, source, kind, title, actor, details, null);
        }

        void add(Object at, String source, String kind, String title, String actor, Map<String, String> details,
                String link) {
            entries.add(entry(instant(at), source, kind, title, actor, names.of(actor), details, link, item.ref(),
                    integrity));
        }
    }

    private static Map<String, String> details(Object... labelsAndValues) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            Object value = labelsAndValues[i + 1];
            if (value != null && !String.valueOf(value).isEmpty()) {
                details.put(String.valueOf(labelsAndValues[i]), value instanceof String s ? s : show(value));
            }
        }
        return details;
    }

    private static Map<String, String> generic(Map<String, Object> row) {
        Map<String, String> details = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (value != null) {
                details.put(column.toLowerCase(java.util.Locale.ROOT), show(value));
            }
        });
        return details;
    }

    private static Object timeOf(Map<String, Object> row) {
        for (var e : row.entrySet()) {
            String column = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if ((column.endsWith("_at") || column.endsWith("time_")) && e.getValue() != null) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String actorOf(Map<String, Object> row) {
        for (var e : row.entrySet()) {
            String column = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if ((column.endsWith("_by") || column.equals("actor") || column.equals("reviewer"))
                    && e.getValue() instanceof String s) {
                return s;
            }
        }
        return null;
    }

    private static Object firstSet(Object a, Object b) {
        return a != null ? a : b;
    }

    private static String yesNo(Object value) {
        return value == null ? null : Boolean.TRUE.equals(value) ? "Có" : "Không";
    }

    private static String when(Object value) {
        Instant at = instant(value);
        return at == null ? null : CaseTimeline.display(at);
    }

    /** A variable's value as the history stores it, by type. */
    private static Object value(Map<String, Object> row) {
        String type = String.valueOf(row.get("VAR_TYPE_"));
        return switch (type) {
            case "boolean" -> row.get("LONG_") == null ? null : ((Number) row.get("LONG_")).longValue() == 1;
            case "date" -> row.get("LONG_") == null ? null : Instant.ofEpochMilli(((Number) row.get("LONG_")).longValue());
            case "integer", "long", "short" -> row.get("LONG_");
            case "double" -> row.get("DOUBLE_");
            case "null" -> null;
            case "bytes", "serializable", "file", "object" -> "(dữ liệu nhị phân)";
            default -> row.get("TEXT_") != null ? row.get("TEXT_") : row.get("LONG_");
        };
    }

    static String show(Object value) {
        if (value == null) {
            return "(trống)";
        }
        Instant at = value instanceof String ? null : instant(value);
        if (at != null) {
            return CaseTimeline.display(at);
        }
        return String.valueOf(value);
    }

    private static OffsetDateTime local(Object value) {
        Instant at = instant(value);
        return at == null ? null : at.atZone(CaseTimeline.VIETNAM).toOffsetDateTime();
    }

    static Instant instant(Object value) {
        if (value instanceof java.sql.Date) {
            return null; // a calendar date, shown as it is
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Instant time) {
            return time;
        }
        return null;
    }
}
