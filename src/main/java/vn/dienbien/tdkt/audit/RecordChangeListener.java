package vn.dienbien.tdkt.audit;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import java.util.Locale;
import java.util.Set;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.ComponentType;
import org.springframework.stereotype.Component;

/**
 * Tells the ledger which of our records each transaction writes, whatever module writes them: the
 * record's own process instance, or the dossier, session, round or launch plan it belongs to; and the
 * table written, so that the ledger reads again only the sources that read it.
 */
@Component
class RecordChangeListener implements PersistEventListener, PostInsertEventListener, PostUpdateEventListener,
        PostDeleteEventListener, PostCollectionRecreateEventListener, PostCollectionUpdateEventListener,
        PostCollectionRemoveEventListener {

    private final EntityManagerFactory entityManagerFactory;
    private final LedgerSealing sealing;

    RecordChangeListener(EntityManagerFactory entityManagerFactory, LedgerSealing sealing) {
        this.entityManagerFactory = entityManagerFactory;
        this.sealing = sealing;
    }

    @PostConstruct
    void register() {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.PERSIST, this);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
        registry.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_REMOVE, this);
    }

    /**
     * A record with its id from a sequence (ids in blocks, V41) is inserted at the commit's flush, after the
     * transaction's synchronizations have been taken: a transaction that writes only such records would never
     * be sealed. Persisting one joins the ledger at once; its insert, at the ledger's own flush before it seals,
     * then tells which case it belongs to.
     */
    @Override
    public void onPersist(PersistEvent event) {
        sealing.recordComing();
    }

    @Override
    public void onPersist(PersistEvent event, PersistContext createdAlready) {
        sealing.recordComing();
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        changed(event.getPersister(), event.getId(), event.getState(), tableOf(event.getPersister()));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        changed(event.getPersister(), event.getId(), event.getState(), tableOf(event.getPersister()));
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        changed(event.getPersister(), event.getId(), event.getDeletedState(), tableOf(event.getPersister()));
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        ownerChanged(event);
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        ownerChanged(event);
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        ownerChanged(event);
    }

    private void ownerChanged(AbstractCollectionEvent event) {
        Object owner = event.getAffectedOwnerOrNull();
        if (owner != null) {
            EntityPersister persister = event.getSession().getEntityPersister(event.getAffectedOwnerEntityName(), owner);
            // The collection's own table (members, absences, document links, awardees) and the owner's.
            String table = collectionTable(event);
            Set<String> ownerTable = tableOf(persister);
            changed(persister, event.getAffectedOwnerIdOrNull(), persister.getValues(owner), table == null
                    || ownerTable == null ? null : Set.of(table, ownerTable.iterator().next()));
        }
    }

    /**
     * The collection's own table. A collection first written with a new owner has no role yet when Hibernate 6
     * tells of it (a dossier's documents at the proposal, a session's members at its opening): its entry in the
     * persistence context names the persister. Without a table every source of the owner's case would be read
     * again (a proposal sent 65 statements instead of 56, issue 12).
     */
    private static String collectionTable(AbstractCollectionEvent event) {
        PersistentCollection<?> collection = event.getCollection();
        if (collection == null) {
            return null;
        }
        CollectionPersister persister = null;
        if (collection.getRole() != null) {
            persister = event.getSession().getFactory().getMappingMetamodel().getCollectionDescriptor(collection.getRole());
        } else {
            CollectionEntry entry = event.getSession().getPersistenceContextInternal().getCollectionEntry(collection);
            if (entry != null) {
                persister = entry.getCurrentPersister() != null ? entry.getCurrentPersister() : entry.getLoadedPersister();
            }
        }
        return persister instanceof AbstractCollectionPersister c ? normalise(c.getTableName()) : null;
    }

    private static Set<String> tableOf(EntityPersister persister) {
        String table = persister instanceof AbstractEntityPersister entity ? normalise(entity.getTableName()) : null;
        return table == null ? null : Set.of(table);
    }

    /** The bare lower-case table name (no schema, no quotes); null when there is none. */
    private static String normalise(String qualified) {
        if (qualified == null || qualified.isBlank()) {
            return null;
        }
        String name = qualified.substring(qualified.lastIndexOf('.') + 1).replace("\"", "").replace("`", "");
        return name.toLowerCase(Locale.ROOT);
    }

    private void changed(EntityPersister persister, Object id, Object[] state, Set<String> tables) {
        if (state == null) {
            return;
        }
        String[] names = persister.getPropertyNames();
        Values values = new Values();
        for (int i = 0; i < names.length; i++) {
            values.take(names[i], state[i]);
        }
        if (persister.getIdentifierType() instanceof ComponentType key && id != null) {
            String[] keyNames = key.getPropertyNames();
            Object[] keyValues = key.getPropertyValues(id);
            for (int i = 0; i < keyNames.length; i++) {
                values.take(keyNames[i], keyValues[i]);
            }
        }
        String entity = persister.getMappedClass().getSimpleName();
        Long ownId = id instanceof Long number ? number : null;
        // A dossier, session, round or launch plan is itself the record its id names.
        switch (entity) {
            case "Dossier" -> values.dossierId = values.dossierId != null ? values.dossierId : ownId;
            case "CouncilSession" -> values.sessionId = values.sessionId != null ? values.sessionId : ownId;
            case "EvaluationRound" -> values.roundId = values.roundId != null ? values.roundId : ownId;
            case "LaunchPlan" -> values.launchPlanId = values.launchPlanId != null ? values.launchPlanId : ownId;
            default -> { }
        }
        Long decisionId = "Decision".equals(entity) ? ownId : null;
        // A reporting round has no case of its own; the launch plans sent for it read its row.
        Long reportingRoundId = "ReportingRound".equals(entity) ? ownId : null;
        if (values.processInstanceId == null && values.dossierId == null && values.sessionId == null
                && values.roundId == null && values.launchPlanId == null && decisionId == null
                && reportingRoundId == null) {
            return;
        }
        sealing.recordChanged(new LedgerSealing.RecordChange(entity, id, values.processInstanceId, values.dossierId,
                values.sessionId, values.roundId, values.launchPlanId, decisionId, reportingRoundId, tables));
    }

    private static final class Values {
        String processInstanceId;
        Long dossierId;
        Long sessionId;
        Long roundId;
        Long launchPlanId;

        void take(String name, Object value) {
            switch (name) {
                case "processInstanceId" -> processInstanceId = value instanceof String s ? s : processInstanceId;
                case "dossierId" -> dossierId = value instanceof Long l ? l : dossierId;
                case "sessionId" -> sessionId = value instanceof Long l ? l : sessionId;
                case "roundId" -> roundId = value instanceof Long l ? l : roundId;
                case "launchPlanId" -> launchPlanId = value instanceof Long l ? l : launchPlanId;
                default -> { }
            }
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }
}
