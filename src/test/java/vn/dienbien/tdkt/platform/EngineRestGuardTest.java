package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/** A system-owned variable sent back by a form passes only with the value and the type it has. */
class EngineRestGuardTest {

    private final ObjectMapper json = new ObjectMapper();

    private final CurrentValues.Lookup held = new CurrentValues.Lookup() {
        private final Map<String, TypedValue> values = Map.of(
                "nrOfCompletedInstances", Variables.integerValue(2),
                "launchPlanId", Variables.longValue(12L),
                "unitCode", Variables.stringValue("SYT"),
                "planAccepted", Variables.booleanValue(true));

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public TypedValue typedValue(String name) {
            return values.get(name);
        }
    };

    @Test
    void theSameValueAndTypePass() throws Exception {
        assertThat(unchanged("launchPlanId", "{\"value\": 12, \"type\": \"Long\"}")).isTrue();
        assertThat(unchanged("nrOfCompletedInstances", "{\"value\": 2, \"type\": \"Integer\"}")).isTrue();
        assertThat(unchanged("unitCode", "{\"value\": \"SYT\", \"type\": \"String\"}")).isTrue();
        assertThat(unchanged("unitCode", "{\"value\": \"SYT\"}")).isTrue();
        assertThat(unchanged("planAccepted", "{\"value\": true, \"type\": \"Boolean\"}")).isTrue();
        assertThat(unchanged("returnReason", "{\"value\": null, \"type\": \"Null\"}")).as("absent, sent back empty").isTrue();
    }

    @Test
    void anotherValueAnotherTypeOrNothingIsAForgery() throws Exception {
        assertThat(unchanged("launchPlanId", "{\"value\": 13, \"type\": \"Long\"}")).isFalse();
        assertThat(unchanged("nrOfCompletedInstances", "{\"value\": \"2\", \"type\": \"String\"}")).isFalse();
        assertThat(unchanged("nrOfCompletedInstances", "{\"value\": 2, \"type\": \"Long\"}")).isFalse();
        assertThat(unchanged("nrOfCompletedInstances", "{\"value\": 2.0, \"type\": \"Double\"}")).isFalse();
        assertThat(unchanged("unitCode", "{\"value\": \"STC\", \"type\": \"String\"}")).isFalse();
        assertThat(unchanged("unitCode", "{\"value\": null, \"type\": \"Null\"}")).isFalse();
        assertThat(unchanged("unitCode", "{\"value\": [\"SYT\"]}")).isFalse();
        assertThat(unchanged("planAccepted", "{\"value\": \"true\", \"type\": \"String\"}")).isFalse();
        assertThat(unchanged("khongCo", "{\"value\": \"x\"}")).as("absent, now planted").isFalse();
    }

    private boolean unchanged(String name, String submitted) throws Exception {
        JsonNode node = json.readTree(submitted);
        return EngineRestGuard.unchanged(name, node, held);
    }
}
