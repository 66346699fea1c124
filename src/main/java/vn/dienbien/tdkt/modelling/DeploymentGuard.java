package vn.dienbien.tdkt.modelling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.organization.GroupDirectory;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * Bảo vệ khi triển khai: every deployment — Camunda Modeler or Cockpit through the engine's REST API, or
 * {@code WorkflowDeployer} at start-up — passes {@link ModelCheck} before the engine parses it, and a
 * refused one is answered 400 with every problem named by file, element id and name. A diagram naming a
 * bean, form, decision or group that does not exist would otherwise deploy and fail only when a case reaches
 * the element, months later, in front of an official.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DeploymentGuard.class);
    private static final List<String> STATIC_LOCATIONS = List.of("classpath:META-INF/resources", "classpath:resources",
            "classpath:static", "classpath:public");

    private final ApplicationContext context;
    private final ObjectProvider<GroupDirectory> groups;
    private volatile Set<String> beanNames;
    private volatile ProcessEngineConfigurationImpl configuration;

    DeploymentGuard(ApplicationContext context, ObjectProvider<GroupDirectory> groups) {
        this.context = context;
        this.groups = groups;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(0, this::check);
        configuration.setCustomPreDeployers(deployers);
    }

    /** The problems these files would meet if deployed now, without deploying them. */
    List<ModelProblem> problems(Map<String, byte[]> files) {
        return configuration.getCommandExecutorTxRequired()
                .execute(command -> new ModelCheck(new EngineFacts(command)).check(files));
    }

    private void check(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // a deployment read back into the cache passed when it was made
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, ResourceEntity> resources = deployment.getResources();
        if (resources != null) {
            resources.forEach((name, resource) -> files.put(name, resource.getBytes()));
        }
        List<ModelProblem> problems = new ModelCheck(new EngineFacts(Context.getCommandContext())).check(files);
        if (!problems.isEmpty()) {
            String message = ModelCheck.refusal(problems);
            log.warn("Deployment \"{}\" refused:\n{}", deployment.getName(), message);
            // A user's mistake, not the engine's: logged by the engine at debug level, answered 400.
            throw new BadUserRequestException(message, ApiException.badRequest(message));
        }
    }

    private Set<String> beanNames() {
        Set<String> names = beanNames;
        if (names == null) {
            Set<String> all = new HashSet<>();
            for (String name : context.getBeanDefinitionNames()) {
                all.add(name);
                Collections.addAll(all, context.getAliases(name));
            }
            beanNames = names = Set.copyOf(all);
        }
        return names;
    }

    /** The running application's answers, read inside the deployment's own command. */
    private final class EngineFacts implements ModelFacts {

        private final CommandContext command;

        EngineFacts(CommandContext command) {
            this.command = command;
        }

        @Override
        public Set<String> beanNames() {
            return DeploymentGuard.this.beanNames();
        }

        @Override
        public Class<?> beanType(String name) {
            try {
                return context.getType(name, false);
            } catch (RuntimeException unknown) {
                return null;
            }
        }

        @Override
        public boolean isGroup(String groupId) {
            GroupDirectory directory = groups.getIfAvailable();
            if (directory != null && directory.exists(groupId)) {
                return true;
            }
            return command != null && command.runWithoutAuthorization(
                    () -> command.getReadOnlyIdentityProvider().findGroupById(groupId) != null);
        }

        @Override
        public boolean isDeployedForm(String formId) {
            return command != null && command.runWithoutAuthorization(
                    () -> command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null);
        }

        @Override
        public boolean isDeployedDecision(String decisionKey) {
            return command != null && command.runWithoutAuthorization(() -> {
                try {
                    return command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(decisionKey) != null;
                } catch (RuntimeException severalTenants) {
                    return true;
                }
            });
        }

        @Override
        public boolean isServed(String path) {
            if (path.contains("..") || !path.startsWith("/")) {
                return false;
            }
            // WebConfig serves forms/ at /forms/; Spring Boot serves its static locations at the root.
            if (path.startsWith("/forms/") && context.getResource("classpath:forms/" + path.substring(7)).exists()) {
                return true;
            }
            return STATIC_LOCATIONS.stream().anyMatch(location -> context.getResource(location + path).exists());
        }
    }
}
