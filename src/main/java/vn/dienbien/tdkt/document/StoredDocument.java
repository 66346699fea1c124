package vn.dienbien.tdkt.document;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Văn bản đính kèm (kế hoạch, tờ trình, biên bản...). */
@Entity
@Table(name = "stored_document")
class StoredDocument {

    @Id
    // Ids in blocks of 50, so that one flush inserts many rows in one batch (V41, issue 12).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stored_document_ids")
    @SequenceGenerator(name = "stored_document_ids", sequenceName = "stored_document_id_blocks", allocationSize = 50)
    private Long id;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "owner_unit_id")
    private Long ownerUnitId;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected StoredDocument() {
    }

    StoredDocument(String fileName, String contentType, byte[] content, String sha256, Long ownerUnitId,
            String uploadedBy, Instant uploadedAt) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.ownerUnitId = ownerUnitId;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Long getId() {
        return id;
    }

    String getFileName() {
        return fileName;
    }

    String getContentType() {
        return contentType;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    String getSha256() {
        return sha256;
    }

    byte[] getContent() {
        return content;
    }

    Long getOwnerUnitId() {
        return ownerUnitId;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }

    DocumentInfo info() {
        return new DocumentInfo(id, fileName, contentType, sizeBytes, sha256, uploadedBy, uploadedAt);
    }
}
