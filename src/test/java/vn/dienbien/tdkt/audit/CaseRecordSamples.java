package vn.dienbien.tdkt.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dienbien.tdkt.audit.CaseRecord.Integrity;
import vn.dienbien.tdkt.audit.CaseRecord.RelatedCase;
import vn.dienbien.tdkt.audit.CaseRecord.TimelineEntry;

/** Case records written by hand, as an auditor would read them, for the export tests. */
final class CaseRecordSamples {

    static final String NOMINEE = "Lò Thị Xuân";
    static final String AWARD = "Bằng khen của Chủ tịch UBND tỉnh";
    static final String RETURN_TITLE = "Trả lại để bổ sung hồ sơ";
    static final String RETURN_REASON = "Thiếu biên bản họp Hội đồng thi đua – khen thưởng cơ sở; đề nghị bổ sung trước ngày 15/4.";
    static final String LONG_SUMMARY = numberedText("Đồng chí Lò Thị Xuân, bác sĩ Trung tâm Y tế huyện Điện Biên Đông, "
            + "có sáng kiến trong khám chữa bệnh cho đồng bào vùng cao, được Hội đồng khoa học công nhận.", 4_000);
    static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 3, 1, 15, 42, 0, ZoneOffset.UTC);

    private CaseRecordSamples() {
    }

    /** A dossier returned for supplement, decided, with three entries altered outside the application. */
    static CaseRecord dossierWithAlterations() {
        List<TimelineEntry> entries = List.of(
                entry(0, "ENGINE", "Bắt đầu quy trình hồ sơ đề nghị", "canbo.syt", "Nguyễn Văn An",
                        Map.of("Phiên bản quy trình", "3"), null, "OK"),
                entry(25, "RECORD", "Đơn vị gửi hồ sơ đề nghị", "canbo.syt", "Nguyễn Văn An",
                        ordered("Hình thức khen thưởng", AWARD, "Đối tượng", NOMINEE, "Tóm tắt thành tích", LONG_SUMMARY),
                        "/api/documents/17/download", "OK"),
                entry(24 * 60, "RECORD", RETURN_TITLE, "bantdkt", "Trần Thị Bình",
                        ordered("Lý do", RETURN_REASON, "Trạng thái", "Chờ bổ sung"), null, "CHANGED"),
                entry(2 * 24 * 60, "ENGINE", "Hoàn thành nhiệm vụ: Bổ sung hồ sơ", "canbo.syt", "Nguyễn Văn An",
                        Map.of("Biến supplementNote", "Đã bổ sung biên bản"), null, "REMOVED"),
                entry(3 * 24 * 60, "COMMENT", "Ý kiến giám sát của Mặt trận", "mttq.giamsat", "Hoàng Văn Cường",
                        Map.of("Nội dung", "Đề nghị làm rõ số lượng sáng kiến được công nhận."), null, "UNSEALED"),
                entry(10 * 24 * 60, "RECORD", "Ban hành quyết định khen thưởng", "chutich", "Mùa A Sử",
                        ordered("Số quyết định", "1234/QĐ-UBND", "Ngày ký", "13/03/2025"), "/api/documents/31/download", "OK"));
        Integrity integrity = new Integrity(false, 5, 3, false, List.of(
                "Sự kiện «" + RETURN_TITLE + "» lúc 04/03/2025 08:15 đã bị sửa trực tiếp trong cơ sở dữ liệu.",
                "Sự kiện «Hoàn thành nhiệm vụ: Bổ sung hồ sơ» đã niêm phong nhưng không còn trong lịch sử.",
                "Ý kiến giám sát lúc 06/03/2025 08:15 chưa được niêm phong."));
        return record(entries, integrity);
    }

    /** The same case with its ledger intact. */
    static CaseRecord intactDossier() {
        return record(List.of(entry(0, "ENGINE", "Bắt đầu quy trình hồ sơ đề nghị", "canbo.syt", "Nguyễn Văn An",
                Map.of(), null, "OK")), new Integrity(true, 1, 0, true, List.of()));
    }

    /**
     * A case of {@code size} events, each titled "[#00042] …", made as they are read so that the
     * list itself costs no memory: what the renderer keeps is what a measurement sees.
     */
    static CaseRecord manyEntries(int size) {
        List<TimelineEntry> entries = new AbstractList<>() {
            @Override
            public TimelineEntry get(int i) {
                return entry(i, i % 3 == 0 ? "ENGINE" : "RECORD", String.format("[#%05d] Cập nhật trạng thái hồ sơ", i),
                        "bantdkt", "Trần Thị Bình", ordered("Trạng thái trước", "Đang thẩm định", "Trạng thái sau",
                                "Trình Hội đồng", "Ghi chú", "Đã đối chiếu với biên bản số " + i),
                        i % 10 == 0 ? "/api/documents/" + i + "/download" : null, i % 500 == 7 ? "CHANGED" : "OK");
            }

            @Override
            public int size() {
                return size;
            }
        };
        return record(entries, new Integrity(false, size, size / 500, true, List.of("Một số sự kiện đã bị sửa.")));
    }

    static CaseRecord record(List<TimelineEntry> entries, Integrity integrity) {
        CaseSummary summary = new CaseSummary("4f1c2d3e-0b1a-11f0-9c2e-0242ac120002", "DOSSIER", "Hồ sơ đề nghị khen thưởng",
                42L, "Đề nghị " + AWARD + " cho bà " + NOMINEE, "383/KH-UBND", 2024, "SYT", "Sở Y tế",
                "Khối các cơ quan văn hóa – xã hội", "CERTIFICATE", AWARD, NOMINEE, "DECIDED", "Đã có quyết định khen thưởng",
                "1234/QĐ-UBND", START, START.plusDays(10));
        List<RelatedCase> related = List.of(
                new RelatedCase("9a8b7c6d-0b1a-11f0-9c2e-0242ac120002", "COUNCIL_SESSION",
                        "Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh, 10/03/2025", "Được xét tại phiên họp"),
                new RelatedCase("5e6f7a8b-0b1a-11f0-9c2e-0242ac120002", "DECISION", "Quyết định 1234/QĐ-UBND",
                        "Được khen thưởng theo quyết định"));
        return new CaseRecord(summary, "award-dossier", "Hồ sơ đề nghị khen thưởng", 3, related, entries, integrity,
                OffsetDateTime.of(2026, 12, 1, 3, 4, 0, 0, ZoneOffset.UTC));
    }

    private static TimelineEntry entry(int minutes, String source, String title, String actorId, String actorName,
            Map<String, String> details, String link, String integrity) {
        OffsetDateTime at = START.plusMinutes(minutes);
        return new TimelineEntry(at, null, source, source + "_EVENT", title, actorId, actorName, details, link,
                source.toLowerCase() + ":" + minutes, integrity);
    }

    private static Map<String, String> ordered(String... labelsAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            map.put(labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return map;
    }

    /** Numbered sentences ("(1) …, (2) …"), so that a missing or repeated piece shows. */
    private static String numberedText(String sentence, int length) {
        StringBuilder text = new StringBuilder();
        for (int n = 1; text.length() < length; n++) {
            text.append('(').append(n).append(") ").append(sentence).append(' ');
        }
        return text.substring(0, length).trim();
    }
}
