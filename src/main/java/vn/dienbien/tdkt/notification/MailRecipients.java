package vn.dienbien.tdkt.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.Official;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ProcessActors;

/**
 * Người nhận thư: the people a notification is addressed to, as Tasklist knows them (a unit's
 * group, a role group, one person), and their addresses: the registry's, else the one given in
 * Camunda Admin. People without an address get no mail; they still see it in Tasklist.
 */
@Component
class MailRecipients {

    private final IdentityService identityService;
    private final OfficialRepository officials;
    private final OrgUnitRepository units;

    MailRecipients(IdentityService identityService, OfficialRepository officials, OrgUnitRepository units) {
        this.identityService = identityService;
        this.officials = officials;
        this.units = units;
    }

    /** The distinct addresses, sorted. */
    List<String> addressesOf(Notification notification) {
        List<User> people = people(notification).stream()
                .filter(user -> !ProcessActors.SYSTEM.equals(user.getId())).toList();
        if (people.isEmpty()) {
            return List.of();
        }
        Map<String, String> registry = officials.findByUsernameIn(people.stream().map(User::getId).toList()).stream()
                .filter(o -> o.getEmail() != null)
                .collect(Collectors.toMap(Official::getUsername, Official::getEmail, (a, b) -> a));
        Collection<String> addresses = new TreeSet<>();
        for (User user : people) {
            String address = registry.getOrDefault(user.getId(), user.getEmail());
            if (address != null && !address.isBlank()) {
                addresses.add(address.trim());
            }
        }
        return List.copyOf(addresses);
    }

    private List<User> people(Notification notification) {
        if (notification.getRecipientUser() != null) {
            return identityService.createUserQuery().userId(notification.getRecipientUser()).list();
        }
        String group = notification.getRecipientGroup();
        if (group == null && notification.getUnitId() != null) {
            group = units.findById(notification.getUnitId()).map(unit -> CamundaGroups.ofUnit(unit.getCode())).orElse(null);
        }
        return group == null ? List.of() : identityService.createUserQuery().memberOfGroup(group).list();
    }
}
