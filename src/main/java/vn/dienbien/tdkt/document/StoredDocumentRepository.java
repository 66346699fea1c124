package vn.dienbien.tdkt.document;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

interface StoredDocumentRepository extends JpaRepository<StoredDocument, Long> {

    /** As JPQL, translated once (a derived query is translated again on every call by Hibernate 6.6). */
    @Query("select d.id as id, d.fileName as fileName, d.contentType as contentType, d.ownerUnitId as ownerUnitId,"
            + " d.uploadedBy as uploadedBy from StoredDocument d where d.id = :id")
    Optional<DocumentOwnership> findOwnershipById(@Param("id") Long id);

    /** Who owns each of these documents, in one query (a proposal attaches three or four). */
    @Query("select d.id as id, d.fileName as fileName, d.contentType as contentType, d.ownerUnitId as ownerUnitId,"
            + " d.uploadedBy as uploadedBy from StoredDocument d where d.id in :ids")
    List<DocumentOwnership> findOwnershipByIdIn(@Param("ids") Collection<Long> ids);

    @Query("select d.id from StoredDocument d where d.id in :ids")
    List<Long> findExistingIds(@Param("ids") Collection<Long> ids);
}
