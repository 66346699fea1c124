package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.notification.NotificationView;
import vn.dienbien.tdkt.organization.OrgUnitRepository;

/**
 * "Vào số, ngày ký quyết định": the văn thư's registration writes, in its one transaction, the decision, its
 * number, its awardees and every dossier's result; each dossier's case then tells its unit and ends in a job of
 * its own ("Thông báo kết quả cho đơn vị", asyncBefore, retried on the diagram's cycle). A job that fails leaves
 * the result as it is, and a job that runs again tells the unit once.
 */
@WorkflowTest
class RegistrationOutcomeJobsTest {

    @Autowired CouncilScenario scenario;
    @Autowired DossierQueries dossiers;
    @Autowired AwardDecisions decisions;
    @Autowired OrgUnitRepository units;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @MockitoSpyBean NotificationService notifications;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void theRegistrationCommitsTheDecisionAndEveryResultAndLeavesOneJobPerDossierCase() {
        Session s = votedAndApproved(LocalDateTime.of(2038, 3, 2, 9, 0), "Cà Văn Thắng", "Lò Thị Ngọc");
        int awardedBefore = notices("DOSSIER_AWARDED").size();
        int notAwardedBefore = notices("DOSSIER_NOT_AWARDED").size();

        scenario.register(s.sessionId());

        var decision = decisions.naming(s.awarded()).orElseThrow();
        var awarded = dossiers.record(s.awarded());
        assertThat(awarded.status()).as("written with the decision").isEqualTo("AWARDED");
        assertThat(awarded.outcomeReason()).isEqualTo("Khen thưởng theo Quyết định số " + decision.code());
        assertThat(awarded.history()).filteredOn(h -> h.status().equals("AWARDED")).singleElement()
                .satisfies(h -> assertThat(h.actor()).isEqualTo("chutich"));
        assertThat(decision.awardees()).singleElement()
                .satisfies(a -> assertThat(a.nomineeName()).isEqualTo(awarded.nomineeName()));
        var refused = dossiers.record(s.refused());
        assertThat(refused.status()).isEqualTo("NOT_AWARDED");
        assertThat(refused.outcomeReason()).contains("Không đạt tỷ lệ biểu quyết");

        for (Long id : List.of(s.awarded(), s.refused())) {
            String instance = dossiers.record(id).processInstanceId();
            assertThat(managementService.createJobQuery().processInstanceId(instance).activityId("Task_Close").list())
                    .as("one job per dossier case").hasSize(1);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
        }
        assertThat(notices("DOSSIER_AWARDED")).as("the unit is told in the job").hasSize(awardedBefore);

        assertThat(scenario.executeDossierJobs(List.of(s.awarded(), s.refused()))).isEqualTo(2);

        for (Long id : List.of(s.awarded(), s.refused())) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(dossiers.record(id).processInstanceId())
                    .count()).as("the case ended").isZero();
        }
        assertThat(notices("DOSSIER_AWARDED")).hasSize(awardedBefore + 1)
                .anySatisfy(n -> assertThat(n.subject()).contains(awarded.nomineeName()).contains("được khen thưởng"));
        assertThat(notices("DOSSIER_NOT_AWARDED")).hasSize(notAwardedBefore + 1);
        assertThat(dossiers.record(s.awarded()).history()).as("the job adds no status")
                .filteredOn(h -> h.status().equals("AWARDED")).hasSize(1);
    }

    @Test
    void aJobThatFailsKeepsTheResultIsRetriedWithAVietnameseMessageAndTellsTheUnitOnce() {
        Session s = votedAndApproved(LocalDateTime.of(2038, 4, 6, 9, 0), "Quàng Văn Páo", "Mùa Thị Dơ");
        int awardedBefore = notices("DOSSIER_AWARDED").size();
        scenario.register(s.sessionId());
        String instance = dossiers.record(s.awarded()).processInstanceId();
        Job job = managementService.createJobQuery().processInstanceId(instance).activityId("Task_Close").singleResult();

        doThrow(new IllegalStateException("connection reset")).doCallRealMethod().when(notifications)
                .notifyUnit(anyLong(), eq("DOSSIER_AWARDED"), any(), any());
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();

        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).as("R3/PT5M: two attempts left").isEqualTo(2);
        assertThat(failed.getExceptionMessage())
                .startsWith("Không gửi được thông báo kết quả xét khen thưởng của hồ sơ số " + s.awarded())
                .contains("R3/PT5M").contains("Cockpit").doesNotContain("IllegalStateException");
        assertThat(dossiers.record(s.awarded()).status()).as("the result stays").isEqualTo("AWARDED");
        assertThat(notices("DOSSIER_AWARDED")).hasSize(awardedBefore);

        managementService.executeJob(job.getId());
        assertThat(notices("DOSSIER_AWARDED")).hasSize(awardedBefore + 1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void theContinuationRunTwiceForOneCaseTellsTheUnitOnce() {
        Session s = votedAndApproved(LocalDateTime.of(2038, 5, 4, 9, 0), "Giàng A Tủa", "Sùng Thị Máy");
        int awardedBefore = notices("DOSSIER_AWARDED").size();
        scenario.register(s.sessionId());
        String instance = dossiers.record(s.awarded()).processInstanceId();
        // As if a second node ran the same continuation: a second job of the same step in the same case.
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity("Task_Close").execute();
        List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).activityId("Task_Close").list();
        assertThat(jobs).hasSize(2);

        jobs.forEach(j -> managementService.executeJob(j.getId()));

        assertThat(notices("DOSSIER_AWARDED")).as("told once").hasSize(awardedBefore + 1);
        assertThat(dossiers.record(s.awarded()).history()).filteredOn(h -> h.status().equals("AWARDED")).hasSize(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    private record Session(Long sessionId, Long awarded, Long refused) {
    }

    /** Two accepted dossiers of the health department; the council passes the first, not the second; approved. */
    private Session votedAndApproved(LocalDateTime at, String passedName, String votedDownName) {
        clockAt(at);
        Long a = scenario.acceptedCertificate(passedName);
        Long b = scenario.acceptedCertificate(votedDownName);
        Long sessionId = scenario.open("Phiên họp " + at.toLocalDate(), at.toLocalDate().plusDays(1), List.of(a, b));
        Map<Long, String> votes = new LinkedHashMap<>();
        votes.put(a, "YES");
        votes.put(b, "NO");
        for (String member : CouncilScenario.MEMBERS) {
            scenario.vote(sessionId, member, member, scenario.ballot(votes, Map.of(), List.of()));
        }
        scenario.executeJobs(sessionId);
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị tặng Bằng khen cho 1 cá nhân."));
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        return new Session(sessionId, a, b);
    }

    private List<NotificationView> notices(String kind) {
        return notifications.forUnit(units.findByCode("SYT").orElseThrow().getId()).stream()
                .filter(n -> n.kind().equals(kind)).toList();
    }
}
