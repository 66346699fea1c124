package vn.dienbien.tdkt.document;

import java.time.Instant;

/** What the system knows of an attached document, without its bytes. */
public record DocumentInfo(Long id, String fileName, String contentType, long sizeBytes, String sha256,
        String uploadedBy, Instant uploadedAt) {

    /** Where a logged-in user downloads it. */
    public String downloadUrl() {
        return "/api/documents/" + id + "/content";
    }
}
