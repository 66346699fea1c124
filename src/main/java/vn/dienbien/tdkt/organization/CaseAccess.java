package vn.dienbien.tdkt.organization;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Lets a unit's people read one case of theirs (and only theirs) in Cockpit and the REST API. */
@Component
public class CaseAccess {

    private final AuthorizationService authorizationService;

    CaseAccess(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    public void grantUnitRead(String unitGroup, String processInstanceId) {
        Authorization runtime = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        runtime.setGroupId(unitGroup);
        runtime.setResource(Resources.PROCESS_INSTANCE);
        runtime.setResourceId(processInstanceId);
        runtime.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(runtime);
        Authorization history = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        history.setGroupId(unitGroup);
        history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
        history.setResourceId(processInstanceId);
        history.addPermission(HistoricProcessInstancePermissions.READ);
        authorizationService.saveAuthorization(history);
    }
}
