package vn.dienbien.tdkt.document;

/** Who a stored document belongs to, read without its content. */
interface DocumentOwnership {

    Long getId();

    String getFileName();

    String getContentType();

    Long getOwnerUnitId();

    String getUploadedBy();
}
