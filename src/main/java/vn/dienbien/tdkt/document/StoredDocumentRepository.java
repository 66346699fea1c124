package vn.dienbien.tdkt.document;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredDocumentRepository extends JpaRepository<StoredDocument, Long> {

    Optional<DocumentOwnership> findOwnershipById(Long id);
}
