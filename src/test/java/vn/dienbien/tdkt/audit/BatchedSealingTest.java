package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * Issue 12: a transaction's cases are read for sealing together, one statement per source. Each case must read
 * exactly as it reads alone — the same items, rows and fingerprints, each within its own scope — however many
 * cases there are (more than one IN list's worth) and whether or not their process instances still exist.
 */
@WorkflowTest
class BatchedSealingTest {

    @Autowired CouncilScenario scenario;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseItems items;
    @Autowired CaseLedger ledger;

    @Test
    void casesReadTogetherReadAsEachAlone() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 10, 7, 9, 0));
        Long a = scenario.acceptedCertificate("Lò Văn Gộp");
        Long b = scenario.acceptedCertificate("Quàng Thị Gộp");
        Long session = scenario.open("Phiên họp niêm phong gộp", LocalDate.of(2024, 10, 10), List.of(a, b));
        scenario.allVote(session, List.of(a, b), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(session, "Task_Submission"),
                Map.of("submissionNote", "Trình 2 hồ sơ."));
        scenario.approveAndRegister(session);
        String caseA = caseOf(a);
        String caseB = caseOf(b);
        String sessionCase = scenario.processOf(session);

        Map<String, CaseItems.Scope> scopes = new LinkedHashMap<>();
        scopes.put(caseA, CaseItems.Scope.ALL);
        // The second dossier's transaction wrote its tasks and its status history only.
        scopes.put(caseB, new CaseItems.Scope(Set.of(CaseItems.TASK), Set.of("dossier_status_history")));
        scopes.put(sessionCase, CaseItems.Scope.ALL);
        for (int i = 0; i < CaseItems.CHUNK + 20; i++) {
            scopes.put("da-xoa-" + i, CaseItems.Scope.ALL);
        }
        Map<String, List<Long>> sealedDocuments = new LinkedHashMap<>();
        scopes.keySet().forEach(caseId -> sealedDocuments.put(caseId,
                CaseLedger.sealedDocuments(ledger.chain(caseId).latest())));

        Map<String, CaseItems.Reading> together = items.collect(scopes, sealedDocuments, false);

        assertThat(together.keySet()).containsExactlyElementsOf(scopes.keySet());
        for (String caseId : List.of(caseA, caseB, sessionCase)) {
            CaseItems.Reading alone = items.collect(caseId, scopes.get(caseId), sealedDocuments.get(caseId), false);
            CaseItems.Reading read = together.get(caseId);
            assertThat(fingerprints(read)).as(caseId).isNotEmpty().isEqualTo(fingerprints(alone));
            assertThat(read.sources()).isEqualTo(alone.sources());
            for (CaseItem item : read.items()) {
                assertThat(item.row()).doesNotContainKey(CaseItems.CASE_KEY).doesNotContainKey("SEAL_CASE_KEY");
            }
        }
        assertThat(refs(together.get(sessionCase))).anyMatch(ref -> ref.startsWith("council_vote:"))
                .anyMatch(ref -> ref.startsWith("decision:")).anyMatch(ref -> ref.startsWith(CaseItems.DOCUMENT + ":"))
                .noneMatch(ref -> ref.startsWith("dossier_document:"));
        assertThat(refs(together.get(caseA))).anyMatch(ref -> ref.startsWith("dossier_document:"))
                .anyMatch(ref -> ref.startsWith(CaseItems.DOCUMENT + ":"))
                .anyMatch(ref -> ref.startsWith(CaseItems.PROCESS + ":" + caseA));
        assertThat(together.get(caseB).items()).allSatisfy(item -> assertThat(item.source()).isIn(CaseItems.TASK,
                CaseItems.IDENTITY_LINK, "dossier_status_history"));
        assertThat(together.get(caseB).covers("dossier:1")).isFalse();
        assertThat(together.get("da-xoa-7").items()).isEmpty();
        assertThat(together.get("da-xoa-7").covers("dossier:1")).as("a case gone covers every source").isTrue();

        // Rows are those the one-id queries read: a document's and the process instance's fingerprints.
        Map<String, String> ofA = fingerprints(together.get(caseA));
        Long document = jdbc.queryForObject("select min(document_id) from dossier_document where dossier_id = ?",
                Long.class, a);
        assertThat(ofA.get(CaseItems.DOCUMENT + ":" + document)).isEqualTo(Fingerprints.ofValues(jdbc.queryForMap(
                "select id, file_name, content_type, size_bytes, sha256, owner_unit_id, uploaded_by, uploaded_at"
                        + " from stored_document where id = ?", document).values()));
        assertThat(ofA.get(CaseItems.PROCESS + ":" + caseA)).isEqualTo(Fingerprints.ofValues(jdbc.queryForMap(
                "select ID_, BUSINESS_KEY_, PROC_DEF_ID_, PROC_DEF_KEY_, START_TIME_, END_TIME_, START_USER_ID_,"
                        + " START_ACT_ID_, END_ACT_ID_, SUPER_PROCESS_INSTANCE_ID_, DELETE_REASON_, STATE_"
                        + " from ACT_HI_PROCINST where ID_ = ?", caseA).values()));

        // Sealed together in the issuing transaction, each chain verifies.
        for (String caseId : List.of(caseA, caseB, sessionCase)) {
            CaseLedger.Verification verified = ledger.verify(caseId);
            assertThat(verified.intact()).as("%s %s", caseId, verified.problems()).isTrue();
        }
    }

    @Test
    void headsOfManyCasesAreLockedAndWrittenTogether() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 10, 8, 9, 0));
        Long a = scenario.acceptedCertificate("Cầm Văn Khóa");
        String caseA = caseOf(a);
        int seq = jdbc.queryForObject("select last_seq from audit_ledger_head where case_id = ?", Integer.class, caseA);
        jdbc.update("insert into case_comment (case_id, author, body, created_at) values (?, 'kiemtoan',"
                + " 'Ý kiến ghi ngoài ứng dụng', current_timestamp)", caseA);
        Map<String, CaseItems.Scope> scopes = new LinkedHashMap<>();
        for (int i = 0; i < CaseItems.CHUNK + 5; i++) {
            scopes.put("da-xoa-" + i, CaseItems.Scope.ALL);
        }
        scopes.put(caseA, new CaseItems.Scope(Set.of(), Set.of(CaseItems.COMMENT)));
        ledger.seal(scopes);
        assertThat(jdbc.queryForObject("select last_seq from audit_ledger_head where case_id = ?", Integer.class,
                caseA)).isEqualTo(seq + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_ledger_head where case_id like 'da-xoa-%'",
                Integer.class)).isZero();
        CaseLedger.Verification verified = ledger.verify(caseA);
        assertThat(verified.intact()).as("%s", verified.problems()).isTrue();
    }

    private String caseOf(Long dossierId) {
        return jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, dossierId);
    }

    private static Map<String, String> fingerprints(CaseItems.Reading reading) {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        reading.items().forEach(item -> fingerprints.put(item.ref(), item.fingerprint().get()));
        return fingerprints;
    }

    private static List<String> refs(CaseItems.Reading reading) {
        return reading.items().stream().map(CaseItem::ref).toList();
    }
}
