package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;

/** The engine's entity manager checks an inserted entity's id without rendering the entity, and still refuses bad ids. */
@WorkflowTest
class EntityIdCheckPluginTest {

    @Autowired ProcessEngineConfigurationImpl engine;

    /** An entity that counts how often it is rendered as text. */
    static final class Probe implements DbEntity {
        final AtomicInteger rendered = new AtomicInteger();
        private String id;

        Probe(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            rendered.incrementAndGet();
            return "Probe[" + id + "]";
        }
    }

    /** Thrown at the end of a command so that nothing of it is flushed (the probe has no table). */
    static final class Undo extends RuntimeException {
    }

    @Test
    void theEnginesEntityManagerIsTheOneThatChecksIdsLazily() {
        Object manager = engine.getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager());
        assertThat(manager).isInstanceOf(EntityIdCheckPlugin.IdCheckingEntityManager.class);
    }

    @Test
    void insertingAnEntityWithAnIdDoesNotRenderIt() {
        Probe probe = new Probe("probe-1");
        insertAndUndo(probe);
        assertThat(probe.rendered).as("toString() calls while inserting").hasValue(0);

        Probe fresh = new Probe(null);
        insertAndUndo(fresh);
        assertThat(fresh.getId()).as("an id is generated as before").isNotBlank();
        assertThat(fresh.rendered).hasValue(0);
    }

    @Test
    void theReservedIdStarIsStillRefusedWithTheEnginesMessage() {
        Probe star = new Probe("*");
        assertThatThrownBy(() -> insertAndUndo(star)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Probe[*]").hasMessageContaining("cannot be *");
    }

    private void insertAndUndo(Probe probe) {
        try {
            engine.getCommandExecutorTxRequired().execute(context -> {
                context.getDbEntityManager().insert(probe);
                throw new Undo();
            });
        } catch (Undo expected) {
            // the insert was made; nothing reaches the database
        }
    }
}
