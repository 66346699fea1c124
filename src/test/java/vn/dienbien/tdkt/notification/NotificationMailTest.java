package vn.dienbien.tdkt.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.council.CouncilScenario;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Thư điện tử thông báo against an embedded SMTP server (GreenMail on the test profile's port), on
 * the engine's clock, the job executor off: each mail is a job the test executes. Mailing is switched
 * on for these tests only, so no other test's cases see delivery jobs.
 */
@WorkflowTest
class NotificationMailTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String DOMAIN = "@tdkt-dienbien.example";

    @Autowired MailSettings settings;
    @Autowired NotificationService notifications;
    @Autowired NotificationRepository repository;
    @Autowired NotificationMailer mailer;
    @Autowired CampaignService campaigns;
    @Autowired CouncilScenario council;
    @Autowired OrgUnitRepository units;
    @Autowired RuntimeService runtimeService;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    private GreenMail smtp;

    @BeforeEach
    void mailOn() {
        smtp = new GreenMail(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        settings.enabled(true);
    }

    @AfterEach
    void mailOff() {
        settings.enabled(false);
        smtp.stop();
        ClockUtil.reset();
        // The delivery cases of every notification these tests made, finished or not, leave no job behind.
        List<String> left = runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkflowKeys.NOTIFICATION_MAIL)
                .list().stream().map(ProcessInstance::getId).toList();
        if (!left.isEmpty()) {
            runtimeService.deleteProcessInstancesIfExists(left, "kiểm thử xong", true, true, true);
        }
    }

    @Test
    void aLaunchPlanReminderAndTheUnitsNewTaskReachTheUnitsPeopleByMail() throws Exception {
        Campaign campaign = openCampaign();
        ProcessInstance syt = caseOf(campaign, "SYT");
        var task = taskService.createTaskQuery().processInstanceId(syt.getId()).singleResult();
        NotificationView newTask = only(NotificationService.NEW_TASK, "Có việc mới: " + task.getName(), "donvi.syt", null);
        assertThat(newTask.body()).contains(campaign.getCode() + " | SYT").contains("Hạn xử lý: trước ngày 30/03/2031");
        assertThat(deliveryJob(newTask.id()).getRetries()).as("the step only scheduled the mail").isEqualTo(3);
        assertThat(smtp.getReceivedMessages()).as("nothing sent inside the step").isEmpty();

        managementService.executeJob(deliveryJob(newTask.id()).getId());
        MimeMessage taskMail = mailTo("canbo.syt" + DOMAIN);
        assertThat(taskMail.getSubject()).isEqualTo("[TĐKT Điện Biên] Có việc mới: Lập và gửi kế hoạch phát động thi đua");
        assertThat(GreenMailUtil.getBody(taskMail)).isNotEmpty();
        assertThat(text(taskMail)).contains("#/?task=" + task.getId());

        // 20/3/2031 00:00 in Điện Biên: ten days before the deadline, the reminder's timer.
        clockAt(LocalDateTime.of(2031, 3, 20, 0, 0));
        executeDueJobs(syt);
        NotificationView reminder = notifications.forUnit(unit("SYT")).stream()
                .filter(n -> n.kind().equals("PLAN_REMINDER") && n.subject().contains(campaign.getCode())).findFirst().orElseThrow();
        smtp.purgeEmailFromAllMailboxes();
        managementService.executeJob(deliveryJob(reminder.id()).getId());

        MimeMessage mail = mailTo("canbo.syt" + DOMAIN);
        assertThat(mail.getSubject()).isEqualTo("[TĐKT Điện Biên] Nhắc hạn gửi kế hoạch phát động thi đua ("
                + campaign.getCode() + "): còn 10 ngày");
        // Everyone in the unit's group with an address: its officer, its head, a council member who works there.
        assertThat(recipients(mail)).contains("canbo.syt" + DOMAIN, "lanhdao.syt" + DOMAIN)
                .containsExactlyInAnyOrderElementsOf(identityService.createUserQuery().memberOfGroup("donvi.syt").list()
                        .stream().map(user -> user.getId() + DOMAIN).toList());
        assertThat(mail.getFrom()[0].toString()).contains("thidua-khenthuong" + DOMAIN);
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(text(mail)).contains("Đề nghị đơn vị gửi kế hoạch phát động thi đua về Sở Nội vụ")
                .contains("Thời điểm: 20/03/2031 00:00 (giờ Việt Nam)");
        assertThat(jdbc.queryForObject("select mail_recipients from notification where id = ?", Integer.class, reminder.id()))
                .isEqualTo(recipients(mail).size());
    }

    @Test
    void theUnitIsMailedTheDecisionOnItsDossier() throws Exception {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 3, 4, 9, 0));
        Long dossier = council.acceptedCertificate("Lò Văn Thư");
        Long session = council.open("Phiên họp tháng 3/2024", LocalDate.of(2024, 3, 12), List.of(dossier));
        council.allVote(session, List.of(dossier), "YES");
        council.completeAs("thuongtruc.hd", council.task(session, "Task_Submission"), Map.of("submissionNote", "Trình 1 hồ sơ."));
        council.approveAndRegister(session);
        council.executeDossierJobs(List.of(dossier));

        NotificationView result = notifications.forUnit(unit("SYT")).stream()
                .filter(n -> n.kind().equals("DOSSIER_AWARDED") && n.subject().contains("Lò Văn Thư")).findFirst().orElseThrow();
        managementService.executeJob(deliveryJob(result.id()).getId());

        MimeMessage mail = mailTo("lanhdao.syt" + DOMAIN);
        assertThat(mail.getSubject()).startsWith("[TĐKT Điện Biên] Kết quả xét khen thưởng: Lò Văn Thư");
        assertThat(text(mail)).contains("Khen thưởng theo Quyết định số").contains("QĐ-UBND");
    }

    @Test
    void aMailServerThatIsDownNeitherBlocksNorRollsBackTheStepAndTheMailIsRetriedThenAnIncidentThenSentOnce()
            throws Exception {
        smtp.stop();
        Campaign campaign = openCampaign();
        ProcessInstance stc = caseOf(campaign, "STC");

        clockAt(LocalDateTime.of(2031, 3, 20, 0, 0));
        long started = System.nanoTime();
        executeDueJobs(stc);
        assertThat((System.nanoTime() - started) / 1_000_000).as("the step never waits for the mail server").isLessThan(1500);
        NotificationView reminder = notifications.forUnit(unit("STC")).stream()
                .filter(n -> n.kind().equals("PLAN_REMINDER") && n.subject().contains(campaign.getCode())).findFirst().orElseThrow();
        assertThat(repository.findById(reminder.id())).as("the step's notification is kept").isPresent();
        assertThat(taskService.createTaskQuery().processInstanceId(stc.getId()).taskDefinitionKey("Task_SubmitPlan").count())
                .as("the case goes on").isEqualTo(1);

        // R3/PT5M: three attempts in all, five minutes apart on the engine's clock, then an incident.
        Job job = deliveryJob(reminder.id());
        for (int attempt = 1; attempt <= 3; attempt++) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageStartingWith("Không gửi được thư điện tử");
            job = deliveryJob(reminder.id());
            assertThat(job.getRetries()).as("retries after attempt %d", attempt).isEqualTo(Math.max(0, 3 - attempt));
            assertThat(job.getExceptionMessage()).isEqualTo(managementService.createJobQuery().jobId(id).singleResult()
                    .getExceptionMessage());
            if (attempt < 3) {
                Date due = job.getDuedate();
                assertThat(due).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000));
                ClockUtil.setCurrentTime(new Date(due.getTime() - 1000));
                assertThat(dueNow(id)).as("not before the interval").isFalse();
                ClockUtil.setCurrentTime(due);
                assertThat(dueNow(id)).isTrue();
            }
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getIncidentMessage())
                .startsWith("Không gửi được thư điện tử thông báo số " + reminder.id() + " («Nhắc hạn gửi kế hoạch")
                .contains("không kết nối được máy chủ thư localhost:39025")
                .contains("Retry");
        assertThat(jdbc.queryForObject("select mailed_at from notification where id = ?", java.sql.Timestamp.class,
                reminder.id())).isNull();

        // The server is back; the administrator retries the incident's job (Cockpit's Retry).
        smtp = new GreenMail(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
        assertThat(inbox("canbo.stc" + DOMAIN)).hasSize(1);

        // Delivered once: a delivery of the same notification again (a job run twice) sends nothing.
        assertThat(mailer.deliver(reminder.id())).isZero();
        assertThat(inbox("canbo.stc" + DOMAIN)).hasSize(1);
    }

    @Test
    void aStepThatRollsBackMailsNothing() {
        Long unit = unit("SYT");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            notifications.notifyUnit(unit, "TEST_ROLLBACK", "Thông báo của một bước bị hủy", "Không được gửi.");
            throw new IllegalStateException("bước nghiệp vụ thất bại");
        })).hasMessage("bước nghiệp vụ thất bại");
        assertThat(notifications.forUnit(unit)).noneMatch(n -> n.kind().equals("TEST_ROLLBACK"));
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'TEST_ROLLBACK'", Long.class)).isZero();
    }

    @Test
    void withMailOffNoDeliveryCaseStarts() {
        settings.enabled(false);
        NotificationView sent = notifications.notifyGroup("ban-tdkt", "TEST_OFF", "Thông báo khi tắt thư", "Chỉ xem trong Tasklist.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("TB-" + sent.id()).count()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private Campaign openCampaign() {
        String code = "TB" + System.nanoTime() % 100000 + "/KH-UBND";
        clockAt(LocalDateTime.of(2031, 2, 10, 8, 0));
        Campaign campaign = campaigns.create(new CampaignService.NewCampaign(code, "Đợt thi đua kiểm thử thư điện tử",
                LocalDate.of(2031, 2, 9), 2031, 2035, LocalDateTime.of(2031, 3, 30, 0, 0), "Asia/Ho_Chi_Minh",
                List.of(10, 3), 2033, 2035, false));
        return campaigns.open(campaign.getId(), "truongban.tdkt");
    }

    private ProcessInstance caseOf(Campaign campaign, String unitCode) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign.getCode() + " | " + unitCode)
                .singleResult();
    }

    private void executeDueJobs(ProcessInstance instance) {
        List<Job> due;
        while (!(due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()).isEmpty()) {
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** Due by the engine's clock, as the job executor would pick it up. */
    private boolean dueNow(String jobId) {
        return managementService.createJobQuery().jobId(jobId).withRetriesLeft()
                .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).count() == 1;
    }

    private Long unit(String code) {
        return units.findByCode(code).orElseThrow().getId();
    }

    private NotificationView only(String kind, String subject, String group, String user) {
        return repository.findAll().stream().filter(n -> subject.equals(n.getSubject())
                && java.util.Objects.equals(group, n.getRecipientGroup()) && java.util.Objects.equals(user, n.getRecipientUser()))
                .map(Notification::view).filter(v -> v.kind().equals(kind))
                .reduce((a, b) -> b).orElseThrow();
    }

    /** The job that mails the notification, of its delivery case "TB-{id}". */
    private Job deliveryJob(Long notificationId) {
        ProcessInstance delivery = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("TB-" + notificationId)
                .processDefinitionKey(WorkflowKeys.NOTIFICATION_MAIL).singleResult();
        assertThat(delivery).as("delivery case of notification %d", notificationId).isNotNull();
        return managementService.createJobQuery().processInstanceId(delivery.getId()).singleResult();
    }

    /** What one person's mailbox received (GreenMail keeps a copy per addressee). */
    private List<MimeMessage> inbox(String address) {
        return smtp.findReceivedMessages(user -> user.getEmail().equals(address), message -> true).toList();
    }

    private MimeMessage mailTo(String address) {
        return inbox(address).stream().reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no mail to " + address));
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }

    private static void clockAt(LocalDateTime local) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(VIETNAM).toInstant()));
    }
}
