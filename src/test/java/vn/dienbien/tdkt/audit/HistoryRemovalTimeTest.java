package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * Thời hạn lưu trữ tính từ khi vụ việc bắt đầu: every history row of a case carries its removal time
 * (the case's start + the retention) from the moment it is written, so ending a case does not rewrite
 * its history (issue 12), and nothing of a case is due for cleanup within the retention.
 */
@WorkflowTest
class HistoryRemovalTimeTest {

    @Autowired CouncilScenario scenario;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryRetention retention;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void aRunningCaseHistoryIsWrittenWithItsRemovalTimeCountedFromItsStart() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 8, 5, 9, 0));
        Long dossier = scenario.acceptedCertificate("Quàng Văn Lưu");
        String caseId = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, dossier);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult())
                .as("the dossier waits for the council").isNotNull();

        Timestamp start = jdbc.queryForObject("select START_TIME_ from ACT_HI_PROCINST where ID_ = ?", Timestamp.class, caseId);
        Timestamp removal = jdbc.queryForObject("select REMOVAL_TIME_ from ACT_HI_PROCINST where ID_ = ?", Timestamp.class,
                caseId);
        assertThat(removal).as("set at the start, while the case runs").isNotNull();
        assertThat(removal.toInstant()).isEqualTo(start.toInstant().plus(retention.retentionDays(), ChronoUnit.DAYS));

        for (String table : new String[] {"ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_DETAIL"}) {
            assertThat(jdbc.queryForList("select distinct REMOVAL_TIME_ from " + table + " where PROC_INST_ID_ = ?",
                    Timestamp.class, caseId)).as(table).containsExactly(removal);
        }
    }
}
