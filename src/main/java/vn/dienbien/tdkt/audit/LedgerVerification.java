package vn.dienbien.tdkt.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Kiểm tra niêm phong hằng đêm: verifies every case's chain and its items. A break fails the job, so
 * after the retries set in the diagram the engine raises an incident that Cockpit shows with this
 * message; the cases stay flagged in their timelines until someone looks.
 */
@Component("ledgerVerificationDelegate")
class LedgerVerification implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(LedgerVerification.class);
    private static final int PAGE = 500;
    private static final int LISTED = 20;

    private final JdbcTemplate jdbc;
    private final CaseLedger ledger;

    LedgerVerification(JdbcTemplate jdbc, CaseLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> broken = verifyAll();
        if (!broken.isEmpty()) {
            String listed = String.join(", ", broken.subList(0, Math.min(LISTED, broken.size())));
            throw new IllegalStateException("Sổ niêm phong: " + broken.size() + " vụ việc có dữ liệu bị sửa, xóa hoặc"
                    + " ghi ngoài ứng dụng: " + listed + (broken.size() > LISTED ? ", …" : "")
                    + ". Mở trang Tra cứu hồ sơ (/audit/) để xem các mục bị đánh dấu đỏ.");
        }
    }

    /** The ids of the cases whose chain or items no longer match their seals. */
    List<String> verifyAll() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        String after = "";
        while (true) {
            List<String> page = jdbc.queryForList("select ID_ from ACT_HI_PROCINST where ID_ > ? order by ID_"
                    + " fetch first " + PAGE + " rows only", String.class, after);
            for (String caseId : page) {
                if (!ledger.verify(caseId).intact()) {
                    broken.add(caseId);
                }
            }
            checked += page.size();
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        // Chains of cases whose history is gone entirely (removed around the application).
        broken.addAll(jdbc.queryForList("select h.case_id from audit_ledger_head h where not exists"
                + " (select 1 from ACT_HI_PROCINST p where p.ID_ = h.case_id)", String.class));
        log.info("Sổ niêm phong: đã kiểm tra {} vụ việc, {} vụ việc không khớp niêm phong.", checked, broken.size());
        return broken;
    }
}
