package vn.dienbien.tdkt.organization;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.StartupOrder;

/**
 * Loads the registry of units, clusters/blocks and officials from the data file in the
 * repository, once, into an empty database.
 */
@Component
@Order(StartupOrder.SEED_REGISTRY)
class RegistrySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegistrySeeder.class);

    private final EmulationGroupRepository groups;
    private final OrgUnitRepository units;
    private final OfficialRepository officials;
    private final ObjectMapper objectMapper;
    private final Resource seedFile;

    RegistrySeeder(EmulationGroupRepository groups, OrgUnitRepository units, OfficialRepository officials,
            ObjectMapper objectMapper,
            @Value("${tdkt.registry.seed-file:classpath:seed/dien-bien-organization.json}") Resource seedFile) {
        this.groups = groups;
        this.units = units;
        this.officials = officials;
        this.objectMapper = objectMapper;
        this.seedFile = seedFile;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        SeedFile data;
        try (InputStream in = seedFile.getInputStream()) {
            data = objectMapper.readValue(in, SeedFile.class);
        }
        if (units.count() > 0) {
            fillEmails(data);
            return;
        }
        Map<String, EmulationGroup> groupsByCode = new HashMap<>();
        for (SeedGroup g : data.groups()) {
            groupsByCode.put(g.code(), groups.save(new EmulationGroup(g.code(), g.name(), g.kind(), g.demo())));
        }
        Map<String, OrgUnit> unitsByCode = new HashMap<>();
        Map<String, String> leaders = new HashMap<>();
        for (SeedUnit u : data.units()) {
            EmulationGroup group = u.group() == null ? null : require(groupsByCode, u.group(), "cụm/khối");
            if (u.groupLeader() && leaders.put(u.group(), u.code()) != null) {
                throw new IllegalStateException("Cụm/khối " + u.group() + " có hơn một trưởng cụm/khối");
            }
            unitsByCode.put(u.code(), units.save(new OrgUnit(u.code(), u.name(), u.kind(), group, u.groupLeader(),
                    u.especiallyDifficultArea())));
        }
        for (SeedOfficial o : data.officials()) {
            var roles = o.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(o.roles());
            officials.save(new Official(o.username(), o.fullName(), o.position(), o.email(),
                    require(unitsByCode, o.unit(), "đơn vị"), roles, o.demo()));
        }
        log.info("Registry seeded: {} clusters/blocks, {} units, {} officials",
                groupsByCode.size(), unitsByCode.size(), data.officials().size());
    }

    /** A registry seeded before officials had addresses: each official without one gets the file's. */
    private void fillEmails(SeedFile data) {
        Map<String, String> byUser = new HashMap<>();
        data.officials().stream().filter(o -> o.email() != null).forEach(o -> byUser.put(o.username(), o.email()));
        long filled = officials.findByUsernameIn(byUser.keySet()).stream()
                .filter(official -> official.fillEmail(byUser.get(official.getUsername()))).count();
        if (filled > 0) {
            log.info("Registry: {} officials got their e-mail address from the data file", filled);
        }
    }

    private static <T> T require(Map<String, T> byCode, String code, String what) {
        T found = byCode.get(code);
        if (found == null) {
            throw new IllegalStateException("Tệp dữ liệu danh mục nhắc tới " + what + " không tồn tại: " + code);
        }
        return found;
    }

    record SeedFile(List<SeedGroup> groups, List<SeedUnit> units, List<SeedOfficial> officials) {
    }

    record SeedGroup(String code, String name, EmulationGroupKind kind, boolean demo) {
    }

    record SeedUnit(String code, String name, UnitKind kind, String group, boolean groupLeader,
            boolean especiallyDifficultArea) {
    }

    record SeedOfficial(String username, String email, String fullName, String position, String unit, List<Role> roles,
            boolean demo) {
    }
}
