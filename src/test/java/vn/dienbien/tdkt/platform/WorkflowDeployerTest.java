package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkflowDeployerTest {

    @Test
    void resourceNamesAreTheSameUnderSpringBootRunAndInTheFatJar() {
        String devName = WorkflowDeployer.relativeName("file:/work/main/target/classes/bpmn/launch-plan.bpmn", "bpmn/");
        String jarName = WorkflowDeployer.relativeName(
                "jar:nested:/opt/app/tdkt-workflow.jar/!BOOT-INF/classes/!/bpmn/launch-plan.bpmn", "bpmn/");
        assertThat(devName).isEqualTo("bpmn/launch-plan.bpmn").isEqualTo(jarName);
        assertThat(WorkflowDeployer.relativeName("file:/x/target/classes/forms/launch-plan-review.form", "forms/"))
                .isEqualTo("forms/launch-plan-review.form");
        assertThat(WorkflowDeployer.relativeName("file:/x/target/classes/other/a.bpmn", "bpmn/")).isNull();
    }
}
