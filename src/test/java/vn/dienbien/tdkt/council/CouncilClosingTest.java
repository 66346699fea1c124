package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.CamundaGroups;

/**
 * A council session always closes: voting has a due date that reminds the standing body; the
 * standing body closes voting while ballots are missing (members without a ballot recorded as
 * absent, with who closed and when); below quorum the session is adjourned with a reason.
 */
@WorkflowTest
class CouncilClosingTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired CouncilScenario scenario;
    @Autowired CouncilSessionViews views;
    @Autowired CouncilSessions sessions;
    @Autowired DossierQueries dossiers;
    @Autowired NotificationService notifications;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;

    @Test
    void theDueDateRemindsTheStandingBodyAtFivePmOnTheFifthDayNotASecondEarlier() {
        clockAt(LocalDateTime.of(2024, 4, 1, 9, 0));
        Long a = scenario.acceptedCertificate("Lò Văn Hặc");
        Long sessionId = scenario.open("Phiên họp tháng 4/2024", LocalDate.of(2024, 4, 2), List.of(a));
        var view = views.view(sessionId, scenario.user("thuongtruc.hd"));
        assertThat(view.votingDueAt()).isEqualTo(LocalDateTime.of(2024, 4, 6, 17, 0).atZone(VIETNAM).toInstant());
        scenario.vote(sessionId, "chutich", "chutich", scenario.ballot(List.of(a), "YES"));
        int before = reminders().size();

        clockAt(LocalDateTime.of(2024, 4, 6, 16, 59, 59));
        assertThat(scenario.executeJobs(sessionId)).as("no job after a ballot; the timer not yet due").isZero();
        assertThat(reminders()).hasSize(before);

        clockAt(LocalDateTime.of(2024, 4, 6, 17, 0));
        assertThat(scenario.executeJobs(sessionId)).as("the due-date timer").isEqualTo(1);
        assertThat(reminders()).hasSize(before + 1);
        assertThat(reminders().get(0).body()).contains("Phiên họp tháng 4/2024").contains("17:00 ngày 06/04/2024")
                .contains("1/7").contains("hoidong5").doesNotContain("chutich,");
        assertThat(scenario.task(sessionId, "Task_CloseVoting")).as("voting still open; the standing body closes it")
                .isNotNull();
    }

    @Test
    void theStandingBodyClosesVotingWithAnAbsentMemberWhoCountsAsNotAgreeing() {
        clockAt(LocalDateTime.of(2024, 5, 6, 8, 0));
        Long a = scenario.acceptedCertificate("Quàng Thị Dung");
        Long b = scenario.acceptedCertificate("Giàng A Páo");
        Long sessionId = scenario.open("Phiên họp tháng 5/2024", LocalDate.of(2024, 5, 7), List.of(a, b));
        // Six of seven vote; hoidong5 is absent and sends no written vote.
        for (String member : List.of("chutich", "hoidong1", "hoidong2", "hoidong3", "hoidong4", "thuongtruc.hd")) {
            scenario.vote(sessionId, member, member, scenario.ballot(Map.of(a, "YES", b,
                    List.of("chutich", "hoidong2", "hoidong3", "hoidong4").contains(member) ? "YES" : "NO"), Map.of(), List.of()));
        }
        scenario.executeJobs(sessionId);
        assertThat(views.view(sessionId, scenario.user("kiemtoan")).status()).isEqualTo("VOTING");

        // A council member who is not of the standing body cannot close voting.
        assertThatThrownBy(() -> scenario.completeAs("hoidong1", scenario.task(sessionId, "Task_CloseVoting"), Map.of()))
                .isInstanceOf(RuntimeException.class);
        assertThat(views.view(sessionId, scenario.user("kiemtoan")).votingClosedBy()).isNull();

        clockAt(LocalDateTime.of(2024, 5, 7, 16, 30));
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_CloseVoting"), Map.of());

        var view = views.view(sessionId, scenario.user("kiemtoan"));
        assertThat(view.status()).isEqualTo("TALLIED");
        assertThat(view.absentMembers()).containsExactly("hoidong5");
        assertThat(view.votingClosedBy()).isEqualTo("thuongtruc.hd");
        assertThat(view.votingClosedAt()).isEqualTo(LocalDateTime.of(2024, 5, 7, 16, 30).atZone(VIETNAM).toInstant());
        assertThat(scenario.ballotTask(sessionId, "hoidong5")).as("the absent member's ballot task is closed").isNull();
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(a)).singleElement().satisfies(d -> {
            assertThat(d.yes()).isEqualTo(6);
            assertThat(d.eligible()).isEqualTo(7);
            assertThat(d.passed()).as("6/7 ≥ 70%").isTrue();
        });
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(b)).singleElement().satisfies(d -> {
            assertThat(d.yes()).isEqualTo(4);
            assertThat(d.passed()).as("4/7 < 70%: the absent member counts as not agreeing").isFalse();
        });
        assertThat(scenario.task(sessionId, "Task_Submission")).as("quorum met: on to the submission").isNotNull();
        assertThat(managementService.createJobQuery().processInstanceId(scenario.processOf(sessionId)).count())
                .as("the due-date timer ended with the voting").isZero();
    }

    @Test
    void belowQuorumTheStandingBodyAdjournsWithAReasonAndTheDossiersGoBackToTheBoard() {
        clockAt(LocalDateTime.of(2024, 6, 3, 8, 0));
        Long a = scenario.acceptedCertificate("Cà Văn Ơn");
        Long sessionId = scenario.open("Phiên họp tháng 6/2024", LocalDate.of(2024, 6, 4), List.of(a));
        // Three of seven voted (in person or in writing): 300 < 50 × 7 = 350.
        scenario.vote(sessionId, "chutich", "chutich", scenario.ballot(List.of(a), "YES"));
        scenario.vote(sessionId, "hoidong1", "hoidong1", scenario.ballot(List.of(a), "YES"));
        scenario.vote(sessionId, "hoidong2", "thuongtruc.hd", scenario.ballot(List.of(a), "YES")); // written
        scenario.executeJobs(sessionId);
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_CloseVoting"), Map.of());

        var closed = views.view(sessionId, scenario.user("thuongtruc.hd"));
        assertThat(closed.absentMembers()).containsExactly("hoidong3", "hoidong4", "hoidong5", "thuongtruc.hd");
        assertThat(closed.tallySummary()).contains("Không đủ số thành viên tham gia biểu quyết (3/7)");
        assertThat(scenario.task(sessionId, "Task_Submission")).as("no submission below quorum").isNull();
        var adjourn = scenario.task(sessionId, "Task_Adjourn");
        assertThat(adjourn).isNotNull();

        var noReason = CouncilScenario.refusalOf(() -> scenario.completeAs("thuongtruc.hd", adjourn, Map.of()));
        assertThat(noReason.getMessage()).contains("Hoãn phiên họp phải nêu lý do");

        clockAt(LocalDateTime.of(2024, 6, 4, 17, 5));
        scenario.completeAs("thuongtruc.hd", adjourn,
                Map.of("adjournReason", "Bốn thành viên đi công tác, không gửi phiếu bằng văn bản; họp lại tuần sau."));
        var adjourned = views.view(sessionId, scenario.user("kiemtoan"));
        assertThat(adjourned.status()).isEqualTo("ADJOURNED");
        assertThat(adjourned.adjournReason()).startsWith("Bốn thành viên đi công tác");
        assertThat(adjourned.adjournedBy()).isEqualTo("thuongtruc.hd");
        assertThat(adjourned.adjournedAt()).isEqualTo(LocalDateTime.of(2024, 6, 4, 17, 5).atZone(VIETNAM).toInstant());
        assertThat(dossiers.record(a).status()).as("no decision on the dossier").isEqualTo("ACCEPTED");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("PH-" + sessionId).count()).isZero();

        Long again = scenario.open("Phiên họp tháng 6/2024 (họp lại)", LocalDate.of(2024, 6, 11), List.of(a));
        assertThat(views.view(again, scenario.user("kiemtoan")).dossiers()).singleElement()
                .satisfies(d -> assertThat(d.dossierId()).isEqualTo(a));
    }

    private List<vn.dienbien.tdkt.notification.NotificationView> reminders() {
        return notifications.forGroup(CamundaGroups.COUNCIL_STANDING).stream()
                .filter(n -> n.kind().equals("COUNCIL_VOTING_DUE")).toList();
    }
}
