package vn.dienbien.tdkt.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The groups the registry stands for (danh mục nhóm): the role groups and, for every unit, its group
 * ({@code donvi.syt}) and its heads' group ({@code thutruong.syt}). Answers before the registry is seeded
 * too (the diagrams are deployed first at start-up), from the registry's data file.
 */
@Component
public class GroupDirectory {

    private final OrgUnitRepository units;
    private final ObjectMapper json;
    private final Resource seedFile;
    private volatile Set<String> seededCodes;

    GroupDirectory(OrgUnitRepository units, ObjectMapper json,
            @Value("${tdkt.registry.seed-file:classpath:seed/dien-bien-organization.json}") Resource seedFile) {
        this.units = units;
        this.json = json;
        this.seedFile = seedFile;
    }

    /** Whether the registry has this group (a Camunda group made in Camunda Admin is not asked here). */
    public boolean exists(String groupId) {
        if (CamundaGroups.ROLES.contains(groupId)) {
            return true;
        }
        String code = groupId.startsWith(CamundaGroups.UNIT_PREFIX) ? groupId.substring(CamundaGroups.UNIT_PREFIX.length())
                : groupId.startsWith(CamundaGroups.HEADS_PREFIX) ? groupId.substring(CamundaGroups.HEADS_PREFIX.length())
                : null;
        if (code == null || code.isBlank()) {
            return false;
        }
        return units.existsByCodeIgnoreCase(code) || seededCodes().contains(code.toLowerCase(Locale.ROOT));
    }

    private Set<String> seededCodes() {
        Set<String> codes = seededCodes;
        if (codes == null) {
            Set<String> read = new HashSet<>();
            try (InputStream in = seedFile.getInputStream()) {
                for (JsonNode unit : json.readTree(in).path("units")) {
                    read.add(unit.path("code").asText().toLowerCase(Locale.ROOT));
                }
            } catch (IOException unreadable) {
                // No data file: only the units in the database count.
            }
            seededCodes = codes = Set.copyOf(read);
        }
        return codes;
    }
}
