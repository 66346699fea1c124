package vn.dienbien.tdkt.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.StartupOrder;

/** Loads the targets of section II.1 of 383/KH-UBND from the data file, once. */
@Component
@Order(StartupOrder.PROVISION_IDENTITY + 1)
class TargetSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TargetSeeder.class);

    private final TargetRepository targets;
    private final CampaignRepository campaigns;
    private final OrgUnitRepository units;
    private final ObjectMapper json;
    private final Resource file;

    TargetSeeder(TargetRepository targets, CampaignRepository campaigns, OrgUnitRepository units, ObjectMapper json,
            @Value("${tdkt.targets.seed-file:classpath:seed/targets-383-KH-UBND.json}") Resource file) {
        this.targets = targets;
        this.campaigns = campaigns;
        this.units = units;
        this.json = json;
        this.file = file;
    }

    record TargetFile(String campaignCode, int baselineYear, int targetYear, List<Entry> targets) {
    }

    record Entry(String code, String group, String groupName, String name, String unit, BigDecimal targetValue,
            Target.Direction direction, Target.Measure measure, BigDecimal baselineValue, String responsibleUnit) {

        Target.Measure measureOrDefault() {
            return measure != null ? measure
                    : direction == Target.Direction.AVERAGE_YEARLY_RATE ? Target.Measure.YEARLY_RATE : Target.Measure.LEVEL;
        }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!file.exists()) {
            return;
        }
        TargetFile data;
        try (InputStream in = file.getInputStream()) {
            data = json.readerFor(TargetFile.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
        }
        var campaign = campaigns.findByCode(data.campaignCode()).orElse(null);
        if (campaign == null || targets.countByCampaignId(campaign.getId()) > 0) {
            return;
        }
        for (Entry e : data.targets()) {
            var unit = units.findByCode(e.responsibleUnit())
                    .orElseThrow(() -> new IllegalStateException("Chỉ tiêu " + e.code() + ": không có đơn vị " + e.responsibleUnit()));
            targets.save(new Target(campaign.getId(), e.code(), e.group(), e.groupName(), e.name(), e.unit(),
                    e.targetValue(), e.direction(), e.measureOrDefault(), e.baselineValue(), data.baselineYear(), data.targetYear(), unit.getId()));
        }
        log.info("Targets of {} loaded: {}", data.campaignCode(), data.targets().size());
    }
}
