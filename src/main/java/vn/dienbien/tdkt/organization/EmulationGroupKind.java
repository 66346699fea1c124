package vn.dienbien.tdkt.organization;

/** Cụm thi đua (districts) or khối thi đua (provincial agencies). */
public enum EmulationGroupKind {
    /** Cụm thi đua. */
    CLUSTER,
    /** Khối thi đua. */
    BLOCK
}
