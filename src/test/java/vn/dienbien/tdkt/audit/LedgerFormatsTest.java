package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * A chain written the first way (audit_ledger, one row per item, as databases before V36 hold it)
 * continues in audit_seal blocks: the whole verifies, and tampering with an entry of either kind, or
 * removing a block, is flagged. Sealing reads again only what a transaction wrote: a comment seals
 * the comment alone.
 */
@WorkflowTest
class LedgerFormatsTest {

    @Autowired CouncilScenario scenario;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseLedger ledger;
    @Autowired CaseItems items;
    @Autowired LedgerVerification verification;

    @Test
    void blocksEncodeAndDecodeTheirItems() {
        List<SealBlocks.Item> sealed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sealed.add(new SealBlocks.Item("ACT_HI_ACTINST:" + i + "-4f1e-11ef", Fingerprints.sha256("row " + i),
                    i % 2 == 0, "Bước Thẩm định hồ sơ " + i));
        }
        sealed.add(new SealBlocks.Item("dossier_document:7:TO_TRINH", CaseLedger.REMOVED, false, "Thành phần hồ sơ"));
        byte[] encoded = SealBlocks.encode(sealed);
        assertThat(SealBlocks.decode(encoded)).isEqualTo(sealed);
        assertThat(encoded.length).as("binary hashes, deflated labels and references").isLessThan(40 * 80);
        assertThat(SealBlocks.decode(SealBlocks.encode(sealed.subList(0, 1)))).isEqualTo(sealed.subList(0, 1));
    }

    @Test
    void aFirstFormatChainContinuedInBlocksVerifiesAndTamperingWithEitherIsFlagged() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 9, 9, 9, 0));
        Long dossier = scenario.acceptedCertificate("Giàng Thị Sổ Cũ");
        String caseId = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, dossier);

        // As a database before V36 holds it: the case's chain in audit_ledger only, written as the old code did.
        appendOnly(false);
        try {
            jdbc.update("delete from audit_seal where case_id = ?", caseId);
            jdbc.update("delete from audit_ledger_head where case_id = ?", caseId);
        } finally {
            appendOnly(true);
        }
        int written = writeFirstFormat(caseId);
        assertThat(written).isGreaterThan(10);
        assertThat(ledger.verify(caseId).intact()).isTrue();

        // Worked on through the application: the chain goes on in blocks, the comment alone sealed.
        comment(caseId, "Đề nghị làm rõ thành tích năm trước.");
        List<CaseLedger.Block> blocks = ledger.blocks(caseId);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).seq()).isEqualTo(written + 1);
        assertThat(SealBlocks.decode(blocks.get(0).items())).singleElement()
                .satisfies(item -> assertThat(item.ref()).startsWith(CaseItems.COMMENT + ":"));
        comment(caseId, "Thêm một ý kiến.");
        assertThat(ledger.blocks(caseId)).hasSize(2);
        CaseLedger.Verification intact = ledger.verify(caseId);
        assertThat(intact.intact()).as("%s", intact.problems()).isTrue();
        assertThat(intact.sealedEntries()).isEqualTo(written + 2);
        assertThat(verification.verifyAll()).doesNotContain(caseId);

        // An entry of the first format altered.
        String label = jdbc.queryForObject("select label from audit_ledger where case_id = ? and seq = 2", String.class,
                caseId);
        tamper("update audit_ledger set label = 'Nhiệm vụ khác' where case_id = ? and seq = 2", caseId);
        assertThat(ledger.verify(caseId).chainIntact()).isFalse();
        assertThat(ledger.verify(caseId).problems()).anySatisfy(p -> assertThat(p).contains("số 2"));
        tamper("update audit_ledger set label = ? where case_id = ? and seq = 2", label, caseId);
        assertThat(ledger.verify(caseId).intact()).isTrue();

        // A block's items altered: the comment's seal replaced by another fingerprint, re-encoded.
        CaseLedger.Block first = ledger.blocks(caseId).get(0);
        SealBlocks.Item item = SealBlocks.decode(first.items()).get(0);
        byte[] forged = SealBlocks.encode(List.of(new SealBlocks.Item(item.ref(), Fingerprints.sha256("khác"),
                item.settled(), item.label())));
        tamper("update audit_seal set items = ? where case_id = ? and seq = ?", forged, caseId, first.seq());
        CaseLedger.Verification broken = ledger.verify(caseId);
        assertThat(broken.chainIntact()).isFalse();
        assertThat(broken.problems()).anySatisfy(p -> assertThat(p).contains("Khối niêm phong số " + first.seq()));
        assertThat(broken.itemStates().get(item.ref())).isEqualTo("CHANGED");
        tamper("update audit_seal set items = ? where case_id = ? and seq = ?", first.items(), caseId, first.seq());
        assertThat(ledger.verify(caseId).intact()).isTrue();

        // The last block removed: the chain no longer reaches its head.
        CaseLedger.Block last = ledger.blocks(caseId).get(1);
        tamper("delete from audit_seal where case_id = ? and seq = ?", caseId, last.seq());
        assertThat(ledger.verify(caseId).problems()).anySatisfy(p -> assertThat(p).contains("đầu chuỗi"));
        assertThat(verification.verifyAll()).contains(caseId);
        tamper("insert into audit_seal (case_id, seq, sealed_at, items, seal_hash) values (?, ?, ?, ?, ?)", caseId,
                last.seq(), Timestamp.from(last.sealedAt()), last.items(), last.sealHash());
        assertThat(ledger.verify(caseId).intact()).isTrue();
    }

    /** The case's chain as the first format wrote it: one audit_ledger row per item, hashed entry by entry. */
    private int writeFirstFormat(String caseId) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String previous = Fingerprints.GENESIS;
        int seq = 0;
        for (CaseItem item : items.collect(caseId, List.of(), false)) {
            seq++;
            CaseLedger.LegacyEntry entry = new CaseLedger.LegacyEntry(caseId, seq, item.ref(), item.fingerprint().get(),
                    item.settled(), item.label(), at, previous, null);
            String hash = entry.expectedHash();
            jdbc.update("insert into audit_ledger (case_id, seq, item_ref, item_hash, settled, label, sealed_at,"
                    + " prev_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, seq, item.ref(),
                    entry.itemHash(), item.settled(), item.label(), Timestamp.from(at), previous, hash);
            previous = hash;
        }
        jdbc.update("insert into audit_ledger_head (case_id, last_seq, last_hash) values (?, ?, ?)", caseId, seq,
                previous);
        return seq;
    }

    private void comment(String caseId, String text) {
        var body = new HttpEntity<>(Map.of("text", text), ApiClient.jsonHeaders());
        assertThat(api.as("mttq.giamsat").postForEntity("/api/audit/cases/" + caseId + "/comments", body, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** A change around the application, past the append-only triggers where the database has them. */
    private void tamper(String sql, Object... args) {
        appendOnly(false);
        try {
            jdbc.update(sql, args);
        } finally {
            appendOnly(true);
        }
    }

    private void appendOnly(boolean on) {
        if (postgres()) {
            String action = on ? "enable" : "disable";
            jdbc.execute("alter table audit_ledger " + action + " trigger user");
            jdbc.execute("alter table audit_seal " + action + " trigger user");
        }
    }

    private boolean postgres() {
        try (var connection = jdbc.getDataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
