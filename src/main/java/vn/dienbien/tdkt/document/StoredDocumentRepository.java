package vn.dienbien.tdkt.document;

import jakarta.persistence.QueryHint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface StoredDocumentRepository extends JpaRepository<StoredDocument, Long> {

    /** The owner of a document, its content not read. */
    String OWNERSHIP = "select new vn.dienbien.tdkt.document.DocumentOwnership(d.id, d.fileName, d.contentType,"
            + " d.ownerUnitId, d.uploadedBy) from StoredDocument d";

    /** As JPQL, translated once (a derived query is translated again on every call by Hibernate 6.6). */
    @Query(OWNERSHIP + " where d.id = :id")
    Optional<DocumentOwnership> findOwnershipById(@Param("id") Long id);

    /**
     * Who owns each of these documents, in one query (a proposal attaches three or four). Documents are stored in
     * transactions of their own, never in the one that attaches them, so the query does not first flush what the
     * transaction holds (a look through every record it loaded, issue 12).
     */
    @Query(OWNERSHIP + " where d.id in :ids")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    List<DocumentOwnership> findOwnershipByIdIn(@Param("ids") Collection<Long> ids);
}
