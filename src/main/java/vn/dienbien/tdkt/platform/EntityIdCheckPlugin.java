package vn.dienbien.tdkt.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks every entity it inserts for a valid id (not null, not "*"), and builds that check's error
 * message before it knows whether the check fails: {@code "Entity " + entity}, the entity's whole
 * {@code toString()} — every field of every variable, history event and job inserted, thrown away at once
 * (about 3% of the province benchmark's workers once warm, issue 12). The same check is made here, and the
 * engine's own check, with its own message, runs only for an id that fails it.
 */
@Component
class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        // Added after the engine's own factories, a custom one replaces the engine's for the same session type.
        factories.add(new Factory(configuration));
        configuration.setCustomSessionFactories(factories);
    }

    /** Opens {@link IdCheckingEntityManager}s; the id generator is the engine's, known once it is initialised. */
    static final class Factory extends DbEntityManagerFactory {
        private final ProcessEngineConfigurationImpl configuration;

        Factory(ProcessEngineConfigurationImpl configuration) {
            super(null);
            this.configuration = configuration;
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
            return new IdCheckingEntityManager(configuration.getIdGenerator(), persistence);
        }
    }

    static final class IdCheckingEntityManager extends DbEntityManager {

        IdCheckingEntityManager(IdGenerator idGenerator, PersistenceSession persistence) {
            super(idGenerator, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity);
            }
        }
    }
}
