package vn.dienbien.tdkt.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Cụm hoặc khối thi đua. */
@Entity
@Table(name = "emulation_group")
public class EmulationGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmulationGroupKind kind;

    private boolean demo;

    protected EmulationGroup() {
    }

    EmulationGroup(String code, String name, EmulationGroupKind kind, boolean demo) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.demo = demo;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public EmulationGroupKind getKind() {
        return kind;
    }

    public boolean isDemo() {
        return demo;
    }
}
