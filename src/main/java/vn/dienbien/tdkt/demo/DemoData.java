package vn.dienbien.tdkt.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.plan.ReportKind;
import vn.dienbien.tdkt.plan.ReportingRounds;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.StartupOrder;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Demo data for a first run: because 383/KH-UBND's deadline (30/3/2021) is past, a demo campaign
 * whose deadline lies in the future is declared and opened, so every unit's demo officer finds a
 * launch-plan task in Tasklist, and the Board declares the six-month report of the first year whose
 * default due day (tdkt.reporting.six-month-report-due) lies ahead, so a unit also owes a periodic
 * report. Marked demo; switched off with tdkt.demo.enabled=false.
 */
@Component
@Order(StartupOrder.DEMO_DATA)
@ConditionalOnProperty(name = {"tdkt.demo.enabled", "tdkt.demo.campaign"}, havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String DEMO_CODE = "DEMO/KH-UBND";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CampaignService campaigns;
    private final CampaignRepository repository;
    private final ReportingRounds rounds;
    private final int deadlineDays;

    DemoData(CampaignService campaigns, CampaignRepository repository, ReportingRounds rounds,
            @Value("${tdkt.demo.campaign-deadline-days:30}") int deadlineDays) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.rounds = rounds;
        this.deadlineDays = deadlineDays;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.findByCode(DEMO_CODE).isPresent()) {
            return;
        }
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        LocalDate today = LocalDate.ofInstant(WorkflowClock.now(), zone);
        var campaign = campaigns.create(new CampaignService.NewCampaign(DEMO_CODE,
                "Đợt thi đua thử nghiệm (dữ liệu mẫu) – phát động theo Kế hoạch 383/KH-UBND",
                today.minusDays(1), today.getYear(), today.getYear() + 4,
                today.plusDays(deadlineDays).atStartOfDay(), zone.getId(), List.of(10, 3),
                today.getYear() + 2, today.getYear() + 4, true));
        campaigns.open(campaign.getId(), "admin");
        log.info("Demo campaign {} opened; launch plans are due before {}", DEMO_CODE, today.plusDays(deadlineDays));
        int year = rounds.defaultDueDate(ReportKind.SIX_MONTH_REPORT, today.getYear()).isAfter(today)
                ? today.getYear() : today.getYear() + 1;
        var round = rounds.declare(new ReportingRounds.NewRound(campaign.getId(), ReportKind.SIX_MONTH_REPORT.name(),
                year, null, null), new CurrentUser("bantdkt", List.of(CamundaGroups.BOARD)));
        log.info("Demo round \"{}\" declared; due by {}", round.title(), round.dueDate());
    }
}
