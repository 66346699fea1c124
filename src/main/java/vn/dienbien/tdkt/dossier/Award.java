package vn.dienbien.tdkt.dossier;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Hình thức khen thưởng / danh hiệu thi đua, kept as data (table award). */
@Entity
@Table(name = "award")
class Award {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "nominee_kinds", nullable = false)
    private String nomineeKinds;

    @Column(name = "legal_basis")
    private String legalBasis;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "award_required_document", joinColumns = @JoinColumn(name = "award_code"))
    private Set<RequiredDocument> requiredDocuments = new HashSet<>();

    protected Award() {
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    boolean admits(NomineeKind kind) {
        return Arrays.asList(nomineeKinds.split(",")).contains(kind.name());
    }

    List<NomineeKind> admittedKinds() {
        return Arrays.stream(nomineeKinds.split(",")).map(NomineeKind::valueOf).toList();
    }

    List<DocumentType> requiredFor(NomineeKind kind) {
        return requiredDocuments.stream().filter(r -> r.nomineeKind == kind).map(r -> r.documentType)
                .sorted().toList();
    }

    /** One required document for one nominee kind. */
    @Embeddable
    static class RequiredDocument {

        @Enumerated(EnumType.STRING)
        @Column(name = "nominee_kind")
        private NomineeKind nomineeKind;

        @Enumerated(EnumType.STRING)
        @Column(name = "document_type")
        private DocumentType documentType;

        protected RequiredDocument() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RequiredDocument r && r.nomineeKind == nomineeKind && r.documentType == documentType;
        }

        @Override
        public int hashCode() {
            return nomineeKind.hashCode() * 31 + documentType.hashCode();
        }
    }
}
