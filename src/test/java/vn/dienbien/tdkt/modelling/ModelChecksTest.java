package vn.dienbien.tdkt.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * The Java half of the model checks: every diagram, decision and form of the repository reads with
 * Camunda's model API and passes the deployment guard's rules against the running application; and a
 * diagram with the mistakes people make in Modeler fails with those mistakes named.
 */
@WorkflowTest
class ModelChecksTest {

    @Autowired DeploymentGuard guard;

    @Test
    void everyDiagramDecisionAndFormReadsWithCamundasModelApi() throws IOException {
        for (Path file : files("bpmn", "forms")) {
            try (InputStream in = Files.newInputStream(file)) {
                String name = file.toString();
                if (name.endsWith(".bpmn")) {
                    assertThatCode(() -> Bpmn.readModelFromStream(in)).as(name).doesNotThrowAnyException();
                } else if (name.endsWith(".dmn")) {
                    assertThatCode(() -> Dmn.readModelFromStream(in)).as(name).doesNotThrowAnyException();
                } else if (name.endsWith(".form")) {
                    assertThat(new ObjectMapper().readTree(in).path("id").asText()).as(name).isNotBlank();
                }
            }
        }
    }

    @Test
    void theRepositorysWorkflowPassesTheGuardAsAWholeAndFileByFile() throws IOException {
        Map<String, byte[]> all = new TreeMap<>();
        for (Path file : files("bpmn", "forms")) {
            all.put(file.toString().replace('\\', '/'), Files.readAllBytes(file));
        }
        assertThat(all.keySet()).anyMatch(n -> n.endsWith(".bpmn")).anyMatch(n -> n.endsWith(".dmn"))
                .anyMatch(n -> n.endsWith(".form"));
        assertThat(guard.problems(all)).isEmpty();
        // As Camunda Modeler deploys them: one diagram alone, its forms and decision already deployed.
        for (var entry : all.entrySet()) {
            if (entry.getKey().endsWith(".bpmn")) {
                assertThat(guard.problems(Map.of(entry.getKey(), entry.getValue()))).as(entry.getKey()).isEmpty();
            }
        }
    }

    @Test
    void aMisspelledBeanAndAnUnknownGroupAreNamedWithTheirElements() throws IOException {
        String bpmn = Files.readString(Path.of("bpmn/launch-plan.bpmn"), StandardCharsets.UTF_8)
                .replace("${recordPlanSubmission}", "${recordPlanSubmision}")
                .replace("camunda:candidateGroups=\"ban-tdkt\"", "camunda:candidateGroups=\"ban-tdtk\"");

        List<ModelProblem> problems = guard.problems(Map.of("launch-plan.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));

        // Where the diagram calls the bean (a service task, or a listener of a user task) is the diagram's business.
        String original = Files.readString(Path.of("bpmn/launch-plan.bpmn"), StandardCharsets.UTF_8);
        List<String[]> callers = DiagramText.holders(original, "${recordPlanSubmission}");
        assertThat(callers).isNotEmpty();
        assertThat(problems).extracting(ModelProblem::elementId)
                .containsAll(callers.stream().map(c -> c[0]).toList()).contains("Task_ReviewPlan");
        var delegate = problems.stream().filter(p -> callers.get(0)[0].equals(p.elementId())).findFirst().orElseThrow();
        assertThat(delegate.elementName()).isEqualTo(callers.get(0)[1]);
        assertThat(delegate.problem()).contains("\"recordPlanSubmision\"").contains("\"recordPlanSubmission\"");
        var group = problems.stream().filter(p -> "Task_ReviewPlan".equals(p.elementId())).findFirst().orElseThrow();
        assertThat(group.problem()).contains("\"ban-tdtk\"");
        assertThat(ModelCheck.refusal(problems)).startsWith("Không triển khai được")
                .contains("launch-plan.bpmn, phần tử " + callers.get(0)[0] + " «" + callers.get(0)[1] + "»");
    }

    private static List<Path> files(String... roots) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String root : roots) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
