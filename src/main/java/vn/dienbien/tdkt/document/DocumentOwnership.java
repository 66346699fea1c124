package vn.dienbien.tdkt.document;

/**
 * Who a stored document belongs to, read without its content. A record read by a constructor expression, not an
 * interface projection: Spring Data answered every getter of one through a proxy (issue 12).
 */
record DocumentOwnership(Long id, String fileName, String contentType, Long ownerUnitId, String uploadedBy) {
}
