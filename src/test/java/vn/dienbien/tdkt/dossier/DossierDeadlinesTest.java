package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * Which diagrams still read the deadline from the case's variables: the current award-dossier diagram reads it
 * from the dossier ({@code dossierDeadlines}), a version before the twentieth pass of issue 12 from {@code dueAt}
 * and {@code dueReminderAt}, which its cases therefore still get.
 */
class DossierDeadlinesTest {

    @Test
    void theCurrentDiagramReadsTheDeadlineFromTheDossier() {
        BpmnModelInstance current = Bpmn.readModelFromFile(new File("bpmn/award-dossier.bpmn"));
        assertThat(DossierDeadlines.readsVariables(current)).isFalse();
    }

    @Test
    void anEarlierDiagramStillGetsTheDeadlineAsVariables() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/earlier-versions/award-dossier-earlier.bpmn")) {
            assertThat(DossierDeadlines.readsVariables(Bpmn.readModelFromStream(in))).isTrue();
        }
    }

    @Test
    void aTimerThatReadsTheReminderVariableCountsAsReadingVariables() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent().userTask("t").endEvent().done();
        assertThat(DossierDeadlines.readsVariables(model)).isFalse();
        BpmnModelInstance timer = Bpmn.createExecutableProcess("p").startEvent().userTask("t")
                .boundaryEvent("b").cancelActivity(false).timerWithDate("${dueReminderAt}").endEvent()
                .moveToActivity("t").endEvent().done();
        assertThat(DossierDeadlines.readsVariables(timer)).isTrue();
        BpmnModelInstance bean = Bpmn.createExecutableProcess("p").startEvent().userTask("t")
                .camundaDueDate("${dossierDeadlines.dueAt(execution)}").endEvent().done();
        assertThat(DossierDeadlines.readsVariables(bean)).isFalse();
    }
}
