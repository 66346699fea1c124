package vn.dienbien.tdkt.document;

/** Who a stored document belongs to, read without its content. */
interface DocumentOwnership {

    String getFileName();

    String getContentType();

    Long getOwnerUnitId();

    String getUploadedBy();
}
