package vn.dienbien.tdkt.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.organization.EmulationGroup;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.platform.ApiException;

/** Blocks (cụm, khối thi đua), their member units and leaders, as the evaluation looks them up. */
@Component
class Blocks {

    private static final String UNIT_GROUP_PREFIX = "donvi.";

    private final BlockRegistry registry;

    Blocks(BlockRegistry registry) {
        this.registry = registry;
    }

    EmulationGroup group(String code) {
        return (code == null ? Optional.<EmulationGroup>empty() : registry.groupByCode(code))
                .orElseThrow(() -> ApiException.notFound("Không có cụm/khối thi đua mã \"" + code + "\"."));
    }

    EmulationGroup groupById(Long id) {
        return registry.groupById(id).orElseThrow(() -> ApiException.notFound("Không có cụm/khối thi đua số " + id + "."));
    }

    /** The block of a unit; a unit outside every block takes no part in the evaluation. */
    EmulationGroup groupOf(OrgUnit unit) {
        if (unit.getEmulationGroup() == null) {
            throw ApiException.badRequest(unit.getName() + " không thuộc cụm, khối thi đua nào.");
        }
        return unit.getEmulationGroup();
    }

    List<OrgUnit> members(EmulationGroup group) {
        return registry.membersOf(group.getId());
    }

    /** Trưởng cụm/khối of the registry. */
    OrgUnit leader(EmulationGroup group) {
        return members(group).stream().filter(OrgUnit::isGroupLeader).findFirst()
                .orElseThrow(() -> ApiException.badRequest(group.getName() + " chưa có trưởng khối."));
    }

    OrgUnit unit(String code) {
        return (code == null ? Optional.<OrgUnit>empty() : registry.unitByCode(code))
                .orElseThrow(() -> ApiException.notFound("Không có đơn vị mã \"" + code + "\"."));
    }

    OrgUnit unitById(Long id) {
        return registry.unitById(id).orElseThrow(() -> ApiException.notFound("Không có đơn vị số " + id + "."));
    }

    /** The unit whose people form a Camunda group such as {@code donvi.syt}. */
    Optional<OrgUnit> unitOfGroup(String camundaGroup) {
        if (camundaGroup == null || !camundaGroup.startsWith(UNIT_GROUP_PREFIX)) {
            return Optional.empty();
        }
        return registry.unitByCode(camundaGroup.substring(UNIT_GROUP_PREFIX.length()).toUpperCase(Locale.ROOT))
                .filter(u -> u.camundaGroup().equals(camundaGroup));
    }

    boolean isMember(OrgUnit unit, EmulationGroup group) {
        return unit.getEmulationGroup() != null && unit.getEmulationGroup().getId().equals(group.getId());
    }

    boolean anyCampaignCovers(int year) {
        return registry.campaignsCovering(year) > 0;
    }
}
