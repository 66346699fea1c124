package vn.dienbien.tdkt.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One eligibility rule's result for one appraisal round, with its reason. */
@Entity
@Table(name = "dossier_rule_result")
class DossierRuleResult {

    @Id
    // Ids in blocks of 50, so that one flush inserts many rows in one batch (V41, issue 12).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_rule_result_ids")
    @SequenceGenerator(name = "dossier_rule_result_ids", sequenceName = "dossier_rule_result_id_blocks", allocationSize = 50)
    private Long id;

    @Column(name = "dossier_id", nullable = false)
    private Long dossierId;

    @Column(name = "round_no", nullable = false)
    private int round;

    @Column(name = "rule_code", nullable = false)
    private String ruleCode;

    @Column(nullable = false)
    private boolean passed;

    @Column(nullable = false)
    private String reason;

    @Column(name = "evaluated_at", nullable = false)
    private Instant evaluatedAt;

    protected DossierRuleResult() {
    }

    DossierRuleResult(Long dossierId, int round, String ruleCode, boolean passed, String reason, Instant evaluatedAt) {
        this.dossierId = dossierId;
        this.round = round;
        this.ruleCode = ruleCode;
        this.passed = passed;
        this.reason = reason;
        this.evaluatedAt = evaluatedAt;
    }

    int getRound() { return round; }
    String getRuleCode() { return ruleCode; }
    boolean isPassed() { return passed; }
    String getReason() { return reason; }
}
