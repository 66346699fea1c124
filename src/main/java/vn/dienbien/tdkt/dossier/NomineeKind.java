package vn.dienbien.tdkt.dossier;

/** Đối tượng được đề nghị khen thưởng. */
public enum NomineeKind {
    /** Tập thể. */
    COLLECTIVE("tập thể"),
    /** Cá nhân. */
    INDIVIDUAL("cá nhân"),
    /** Hộ gia đình. */
    HOUSEHOLD("hộ gia đình");

    private final String label;

    NomineeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
