package vn.dienbien.tdkt.document;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Upload and download of attached documents, used from Tasklist forms and REST clients. */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final DocumentService documents;

    DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentView> upload(@RequestParam("file") MultipartFile file, HttpServletRequest request)
            throws IOException {
        DocumentInfo info = documents.store(file.getOriginalFilename(), file.getContentType(), file.getBytes(),
                CurrentUser.of(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentView.of(info));
    }

    @GetMapping("/{id}")
    DocumentView info(@PathVariable Long id, HttpServletRequest request) {
        return DocumentView.of(documents.read(id, CurrentUser.of(request)).info());
    }

    /**
     * Always a download (never rendered by the browser), with the type the content was verified
     * to be at upload and no sniffing, whatever the bytes look like.
     */
    @GetMapping("/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable Long id, HttpServletRequest request) {
        var document = documents.read(id, CurrentUser.of(request));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(DocumentTypes.servedMediaType(document.info().contentType())))
                .body(document.bytes());
    }

    record DocumentView(Long id, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, String uploadedAt, String downloadUrl) {

        static DocumentView of(DocumentInfo info) {
            return new DocumentView(info.id(), info.fileName(), info.contentType(), info.sizeBytes(), info.sha256(),
                    info.uploadedBy(), info.uploadedAt().toString(), info.downloadUrl());
        }
    }
}
