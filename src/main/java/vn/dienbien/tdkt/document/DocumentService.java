package vn.dienbien.tdkt.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/** Stores documents that units attach and hands them to those allowed to read them. */
@Service
public class DocumentService {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    /** The length of stored_document.file_name. */
    static final int MAX_NAME_LENGTH = 255;
    /** Groups that oversee every unit's documents. */
    private static final List<String> OVERSIGHT = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD,
            CamundaGroups.COUNCIL, CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN,
            CamundaGroups.AUDITORS, CamundaGroups.FATHERLAND_FRONT, CamundaGroups.ADMINISTRATORS);

    private final StoredDocumentRepository documents;
    private final OfficialRepository officials;
    private final OrgUnitRepository units;

    DocumentService(StoredDocumentRepository documents, OfficialRepository officials, OrgUnitRepository units) {
        this.documents = documents;
        this.officials = officials;
        this.units = units;
    }

    /**
     * Stores an upload whose bytes are what its name says: a PDF, DOCX, XLSX, JPEG or PNG (see
     * {@link DocumentTypes}). The media type the client claimed is not trusted; the document is
     * stored and later served with the type its content was verified to be.
     */
    @Transactional
    public DocumentInfo store(String fileName, String claimedContentType, byte[] content, CurrentUser user) {
        if (fileName == null || fileName.isBlank()) {
            throw ApiException.badRequest("Tệp đính kèm phải có tên.");
        }
        String cleanName = fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
        if (cleanName.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("Tên tệp dài " + cleanName.length() + " ký tự, quá " + MAX_NAME_LENGTH
                    + " ký tự cho phép. Xin đổi tên tệp ngắn hơn rồi tải lên lại.");
        }
        if (content == null || content.length == 0) {
            throw ApiException.badRequest("Tệp \"" + cleanName + "\" rỗng.");
        }
        if (content.length > MAX_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp \"" + cleanName + "\" vượt quá 20 MB.");
        }
        String type = DocumentTypes.verifiedMediaType(cleanName, content);
        Long ownerUnitId = officials.findUnitIdByUsername(user.userId()).orElse(null);
        return documents.save(new StoredDocument(cleanName, type, content, sha256(content), ownerUnitId,
                user.userId(), WorkflowClock.now())).info();
    }

    @Transactional(readOnly = true)
    public DocumentInfo info(Long id) {
        return find(id).info();
    }

    /** The document's bytes, if the user may read it. */
    @Transactional(readOnly = true)
    public DocumentContent read(Long id, CurrentUser user) {
        StoredDocument document = find(id);
        if (!mayRead(document, user)) {
            throw ApiException.forbidden("Anh/Chị không có quyền xem văn bản này.");
        }
        return new DocumentContent(document.info(), document.getContent());
    }

    @Transactional(readOnly = true)
    public boolean exists(Long id) {
        return id != null && documents.existsById(id);
    }

    /**
     * Refuses unless the document exists and this person may attach it to a case of the given unit:
     * a document is attached only by the unit that uploaded it, and only to that unit's own cases.
     * A document with no owning unit (written by the system) only by the one who stored it.
     * Reads who owns the document, never its content.
     */
    @Transactional(readOnly = true)
    public void requireAttachable(Long documentId, Long caseUnitId, CurrentUser actor) {
        if (documentId == null) {
            throw ApiException.badRequest("Chưa chọn văn bản đính kèm.");
        }
        requireAttachable(documentId, documents.findOwnershipById(documentId).orElse(null), caseUnitId, actor);
    }

    /**
     * Documents a case is about to attach, who owns each read in one query: which of them exist, and whether this
     * person may attach them (a proposal asked both, in two queries of the same rows until issue 12's twenty-third
     * pass).
     */
    @Transactional(readOnly = true)
    public Attachments attachments(Collection<Long> ids) {
        List<Long> given = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, DocumentOwnership> owned = new HashMap<>();
        if (!given.isEmpty()) {
            documents.findOwnershipByIdIn(given).forEach(d -> owned.put(d.id(), d));
        }
        return new Attachments(owned);
    }

    /** Documents read for attaching, see {@link #attachments}. */
    public final class Attachments {

        private final Map<Long, DocumentOwnership> owned;

        private Attachments(Map<Long, DocumentOwnership> owned) {
            this.owned = owned;
        }

        /** Whether the document was found. */
        public boolean exists(Long id) {
            return id != null && owned.containsKey(id);
        }

        /**
         * As {@link DocumentService#requireAttachable(Long, Long, CurrentUser)} for each of these documents (read
         * by {@link DocumentService#attachments}), in their order.
         */
        public void requireAttachable(Collection<Long> documentIds, Long caseUnitId, CurrentUser actor) {
            if (documentIds.stream().anyMatch(java.util.Objects::isNull)) {
                throw ApiException.badRequest("Chưa chọn văn bản đính kèm.");
            }
            for (Long documentId : documentIds) {
                DocumentService.this.requireAttachable(documentId, owned.get(documentId), caseUnitId, actor);
            }
        }
    }

    private void requireAttachable(Long documentId, DocumentOwnership document, Long caseUnitId, CurrentUser actor) {
        if (document == null) {
            throw ApiException.notFound("Không tìm thấy văn bản số " + documentId + ".");
        }
        boolean storedByActor = actor != null && actor.userId().equals(document.uploadedBy());
        Long owner = document.ownerUnitId();
        boolean attachable = owner == null ? storedByActor
                : owner.equals(caseUnitId) && (storedByActor || actor != null && units.findById(owner)
                        .map(unit -> actor.inGroup(unit.camundaGroup())).orElse(false));
        if (!attachable) {
            throw ApiException.forbidden("Văn bản số " + documentId + " không phải văn bản do đơn vị của hồ sơ tải lên. Chỉ đính kèm được văn bản do chính đơn vị"
                    + " mình tải lên, vào hồ sơ của đơn vị mình.");
        }
    }

    /**
     * Refuses unless the document exists, is a PDF (its content was verified at upload) and was
     * stored by this person: a signed scan is attached by the one who scanned and uploaded it.
     */
    @Transactional(readOnly = true)
    public void requirePdfStoredBy(Long documentId, CurrentUser actor) {
        if (documentId == null) {
            throw ApiException.badRequest("Chưa đính kèm bản quét quyết định đã ký (PDF).");
        }
        DocumentOwnership document = documents.findOwnershipById(documentId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy văn bản số " + documentId + "."));
        if (actor == null || !actor.userId().equals(document.uploadedBy())) {
            throw ApiException.forbidden("Văn bản số " + documentId + " không do Anh/Chị tải lên; hãy tải lên bản quét đã ký.");
        }
        if (!"application/pdf".equals(document.contentType())) {
            throw ApiException.badRequest("Bản quét quyết định đã ký phải là tệp PDF.");
        }
    }

    private boolean mayRead(StoredDocument document, CurrentUser user) {
        if (user.userId().equals(document.getUploadedBy()) || user.inAnyGroup(OVERSIGHT)) {
            return true;
        }
        return document.getOwnerUnitId() != null && units.findById(document.getOwnerUnitId())
                .map(unit -> user.inGroup(unit.camundaGroup())).orElse(false);
    }

    private StoredDocument find(Long id) {
        return documents.findById(id)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy văn bản số " + id + "."));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document with its bytes. */
    public record DocumentContent(DocumentInfo info, byte[] bytes) {
    }
}
