package vn.dienbien.tdkt.document;

/** Who a stored document belongs to, read without its content. */
interface DocumentOwnership {

    String getFileName();

    Long getOwnerUnitId();

    String getUploadedBy();
}
