package vn.dienbien.tdkt.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    private static final Set<String> ALLOWED_EXTENSIONS = Set.of("pdf", "doc", "docx", "odt", "xls", "xlsx", "png", "jpg", "jpeg");
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

    @Transactional
    public DocumentInfo store(String fileName, String contentType, byte[] content, CurrentUser user) {
        if (fileName == null || fileName.isBlank()) {
            throw ApiException.badRequest("Tệp đính kèm phải có tên.");
        }
        String cleanName = fileName.replaceAll("[\\\\/]", "_").trim();
        String extension = cleanName.contains(".")
                ? cleanName.substring(cleanName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!ALLOWED_EXTENSIONS.contains(extension)) {
            throw ApiException.badRequest("Định dạng tệp \"" + cleanName
                    + "\" không được chấp nhận. Chỉ nhận: PDF, DOC, DOCX, ODT, XLS, XLSX, PNG, JPG.");
        }
        if (content.length == 0) {
            throw ApiException.badRequest("Tệp \"" + cleanName + "\" rỗng.");
        }
        if (content.length > MAX_BYTES) {
            throw ApiException.badRequest("Tệp \"" + cleanName + "\" vượt quá 20 MB.");
        }
        Long ownerUnitId = officials.findByUsername(user.userId()).map(o -> o.getUnit().getId()).orElse(null);
        String type = mediaTypeOrBinary(contentType);
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
        DocumentOwnership document = documents.findOwnershipById(documentId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy văn bản số " + documentId + "."));
        boolean storedByActor = actor != null && actor.userId().equals(document.getUploadedBy());
        Long owner = document.getOwnerUnitId();
        boolean attachable = owner == null ? storedByActor
                : owner.equals(caseUnitId) && (storedByActor || actor != null && units.findById(owner)
                        .map(unit -> actor.inGroup(unit.camundaGroup())).orElse(false));
        if (!attachable) {
            throw ApiException.forbidden("Văn bản số " + documentId + " (\"" + document.getFileName()
                    + "\") không phải văn bản do đơn vị của hồ sơ tải lên. Chỉ đính kèm được văn bản do chính đơn vị"
                    + " mình tải lên, vào hồ sơ của đơn vị mình.");
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

    /** What the browser claimed, if it is a valid media type; downloads are served with it. */
    private static String mediaTypeOrBinary(String contentType) {
        try {
            return org.springframework.http.MediaType.parseMediaType(contentType).toString();
        } catch (RuntimeException invalidOrMissing) {
            return "application/octet-stream";
        }
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
