package vn.dienbien.tdkt.decision;

import vn.dienbien.tdkt.platform.ApiException;

/** Thu hồi hay hủy bỏ khen thưởng. */
public enum AnnulmentKind {
    /** Thu hồi: the award is taken back (e.g. false declarations found later). */
    REVOKE("thu hồi"),
    /** Hủy bỏ: the award decision is annulled for this awardee (e.g. a falsified dossier). */
    ANNUL("hủy bỏ");

    private final String label;

    AnnulmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind a request names, or a 400 in Vietnamese. */
    public static AnnulmentKind parse(String name) {
        if (name != null) {
            for (AnnulmentKind kind : values()) {
                if (kind.name().equals(name.trim())) {
                    return kind;
                }
            }
        }
        throw ApiException.badRequest("Hình thức phải là REVOKE (thu hồi) hoặc ANNUL (hủy bỏ) khen thưởng.");
    }
}
