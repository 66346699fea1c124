package vn.dienbien.tdkt.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys bpmn/ and forms/ under stable names. The starter's auto-deployment names resources by
 * their absolute path under {@code spring-boot:run} and by their jar path in the fat jar, so
 * switching modes made a new version of every process; here each resource is named by its path
 * relative to the classpath root ({@code bpmn/launch-plan.bpmn}) and only changed resources are
 * deployed, so a restart in either mode creates no version.
 */
@Component
@Order(StartupOrder.DEPLOY_WORKFLOWS)
public class WorkflowDeployer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkflowDeployer.class);
    private static final List<String> ROOTS = List.of("bpmn/", "forms/");
    private static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");

    private final RepositoryService repositoryService;
    private final String deploymentName;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    WorkflowDeployer(RepositoryService repositoryService,
            @Value("${tdkt.deployment.name:tdkt-workflow}") String deploymentName) {
        this.repositoryService = repositoryService;
        this.deploymentName = deploymentName;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        deploy();
    }

    /** Deploys what changed since the last deployment of the application's resources. */
    public Deployment deploy() throws IOException {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(deploymentName)
                .source("tdkt-app")
                .enableDuplicateFiltering(true);
        List<String> names = new ArrayList<>();
        for (String root : ROOTS) {
            for (Resource resource : resolver.getResources("classpath*:" + root + "**/*")) {
                String name = relativeName(resource, root);
                if (name != null && SUFFIXES.stream().anyMatch(name::endsWith)) {
                    try (InputStream in = resource.getInputStream()) {
                        builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
                    }
                    names.add(name);
                }
            }
        }
        Deployment deployment = builder.deployWithResult();
        log.info("Workflow resources checked ({}): deployment {}", names, deployment.getId());
        return deployment;
    }

    private static String relativeName(Resource resource, String root) throws IOException {
        return resource.isReadable() ? relativeName(resource.getURL().toString(), root) : null;
    }

    /**
     * {@code file:/x/target/classes/bpmn/a.bpmn} and
     * {@code jar:file:/x/app.jar!/BOOT-INF/classes!/bpmn/a.bpmn} both give {@code bpmn/a.bpmn}.
     */
    static String relativeName(String url, String root) {
        int at = url.lastIndexOf("/" + root);
        return at < 0 ? null : url.substring(at + 1);
    }
}
