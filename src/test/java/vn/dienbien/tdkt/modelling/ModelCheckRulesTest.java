package vn.dienbien.tdkt.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import vn.dienbien.tdkt.modelling.Expressions.Root;
import vn.dienbien.tdkt.modelling.Expressions.Use;

/** The guard's rules on their own, with a made-up application: one bean, one group, one served form. */
class ModelCheckRulesTest {

    private static final ModelFacts FACTS = new ModelFacts() {
        @Override
        public Set<String> beanNames() {
            return Set.of("recordPlanSubmission", "blockEvaluations");
        }

        @Override
        public Class<?> beanType(String name) {
            return name.equals("recordPlanSubmission") ? JavaDelegate.class : null;
        }

        @Override
        public boolean isGroup(String groupId) {
            return groupId.equals("ban-tdkt");
        }

        @Override
        public boolean isDeployedForm(String formId) {
            return false;
        }

        @Override
        public boolean isDeployedDecision(String decisionKey) {
            return false;
        }

        @Override
        public boolean isServed(String path) {
            return path.equals("/forms/a.html");
        }
    };

    @Test
    void anExpressionsRootsAreWhatItStartsFrom() {
        assertThat(Expressions.roots("blockEvaluations.groupOf(unitCode)"))
                .containsExactly(new Root("blockEvaluations", Use.OBJECT), new Root("unitCode", Use.VALUE));
        assertThat(Expressions.roots("appraisalOutcome == 'ACCEPTED' and not empty x.y"))
                .containsExactly(new Root("appraisalOutcome", Use.VALUE), new Root("x", Use.OBJECT));
        assertThat(Expressions.roots("!headConfirmed")).containsExactly(new Root("headConfirmed", Use.VALUE));
        assertThat(Expressions.roots("currentUser()")).containsExactly(new Root("currentUser", Use.FUNCTION));
        assertThat(Expressions.roots("'a.b ${c}' == d ? 1e3 : 2")).containsExactly(new Root("d", Use.VALUE));
        assertThat(Expressions.bodies("Thẩm định ${roundLabel}: ${unitName}")).containsExactly("roundLabel", "unitName");
        assertThat(Expressions.isSingle("${recordPlanSubmission}")).isTrue();
        assertThat(Expressions.isSingle("${a}${b}")).isFalse();
        assertThat(DiagramCheck.splitList("${groups.of(a, b)}, ban-tdkt,")).containsExactly("${groups.of(a, b)}", "ban-tdkt");
    }

    @Test
    void timerLiteralsReadAsTheEngineReadsThem() {
        assertThat(Literals.parses("timeDate", "2026-03-30T17:00:00+07:00")).isTrue();
        assertThat(Literals.parses("timeDate", "30/03/2026")).isFalse();
        assertThat(Literals.parses("timeDuration", "P3D")).isTrue();
        assertThat(Literals.parses("timeDuration", "PT12H")).isTrue();
        assertThat(Literals.parses("timeDuration", "P3X")).isFalse();
        assertThat(Literals.parses("timeCycle", "R3/PT10H")).isTrue();
        assertThat(Literals.parses("timeCycle", "0 30 1 * * ?")).isTrue();
        assertThat(Literals.parses("timeCycle", "mỗi ngày")).isFalse();
        assertThat(Literals.validTimeToLive("3650")).isTrue();
        assertThat(Literals.validTimeToLive("P30D")).isTrue();
        assertThat(Literals.validTimeToLive("mười năm")).isFalse();
    }

    @Test
    void aTypoIsOneLetterOffALongNameButAPluralIsNot() {
        assertThat(ExpressionRules.misspelt("recordPlanSubmision", "recordPlanSubmission")).isTrue();
        assertThat(ExpressionRules.misspelt("recodrPlanSubmission", "recordPlanSubmission")).isTrue();
        assertThat(ExpressionRules.misspelt("campaign", "campaigns")).isFalse();
        assertThat(ExpressionRules.misspelt("dueAt", "dueAs")).isFalse();
    }

    @Test
    void whatADeploymentCarriesItselfCounts() {
        String bpmn = process("""
                <bpmn:userTask id="Task_A" name="A" camunda:candidateGroups="ban-tdkt"
                    camunda:formRef="a-form" camunda:formRefBinding="deployment" />
                <bpmn:userTask id="Task_B" name="B" camunda:candidateGroups="ban-tdkt"
                    camunda:formKey="embedded:deployment:forms/b.html" />
                <bpmn:userTask id="Task_C" name="C" camunda:candidateGroups="ban-tdkt" camunda:formKey="embedded:/forms/a.html" />
                <bpmn:businessRuleTask id="Task_D" name="D" camunda:decisionRef="a-decision" camunda:decisionRefBinding="deployment"
                    camunda:resultVariable="r" camunda:mapDecisionResult="singleEntry" />""");
        var problems = new ModelCheck(FACTS).check(Map.of("p.bpmn", bytes(bpmn),
                "forms/a.form", bytes("{\"id\": \"a-form\", \"components\": []}"),
                "forms/b.html", bytes("<form></form>"),
                "d.dmn", bytes(dmn("camunda:historyTimeToLive=\"30\""))));
        assertThat(problems).isEmpty();
    }

    @Test
    void unreadableFilesAndADecisionWithoutTimeToLiveAreNamed() {
        List<ModelProblem> problems = new ModelCheck(FACTS).check(Map.of("p.bpmn", bytes("<bpmn:definitions"),
                "f.form", bytes("{\"components\": []}"), "d.dmn", bytes(dmn(""))));
        assertThat(problems).extracting(ModelProblem::resource).containsExactly("d.dmn", "f.form", "p.bpmn");
        assertThat(problems.get(0).elementId()).isEqualTo("a-decision");
        assertThat(problems.get(0).problem()).contains("historyTimeToLive");
    }

    @Test
    void aNonExecutablePoolIsNotChecked() {
        String bpmn = process("<bpmn:userTask id=\"Task_A\" name=\"A\" />")
                .replace("isExecutable=\"true\"", "isExecutable=\"false\"");
        assertThat(new ModelCheck(FACTS).check(Map.of("p.bpmn", bytes(bpmn)))).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String process(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="p" name="P" isExecutable="true" camunda:historyTimeToLive="30">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(elements);
    }

    private static String dmn(String ttl) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="dmn" name="DMN" namespace="t">
                  <decision id="a-decision" name="Một bảng" %s>
                    <decisionTable id="table"><output id="o" name="o" typeRef="string" /></decisionTable>
                  </decision>
                </definitions>
                """.formatted(ttl);
    }
}
