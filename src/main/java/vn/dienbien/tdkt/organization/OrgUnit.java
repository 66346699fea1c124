package vn.dienbien.tdkt.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Đơn vị: sở, ban, ngành, đoàn thể, huyện, doanh nghiệp hoặc trường. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitKind kind;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "emulation_group_id")
    private EmulationGroup emulationGroup;

    /** Trưởng cụm / trưởng khối. */
    @Column(name = "group_leader")
    private boolean groupLeader;

    private boolean active = true;

    /** Đơn vị ở vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn (the council gives it priority). */
    @Column(name = "especially_difficult_area")
    private boolean especiallyDifficultArea;

    protected OrgUnit() {
    }

    OrgUnit(String code, String name, UnitKind kind, EmulationGroup emulationGroup, boolean groupLeader) {
        this(code, name, kind, emulationGroup, groupLeader, false);
    }

    OrgUnit(String code, String name, UnitKind kind, EmulationGroup emulationGroup, boolean groupLeader,
            boolean especiallyDifficultArea) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.emulationGroup = emulationGroup;
        this.groupLeader = groupLeader;
        this.especiallyDifficultArea = especiallyDifficultArea;
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

    public UnitKind getKind() {
        return kind;
    }

    public EmulationGroup getEmulationGroup() {
        return emulationGroup;
    }

    public boolean isGroupLeader() {
        return groupLeader;
    }

    public boolean isEspeciallyDifficultArea() {
        return especiallyDifficultArea;
    }

    public boolean isActive() {
        return active;
    }

    /** The Camunda group of this unit's people. */
    public String camundaGroup() {
        return CamundaGroups.ofUnit(code);
    }
}
