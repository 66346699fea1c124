package vn.dienbien.tdkt.organization;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.EnumSet;
import java.util.Set;

/** Cán bộ, công chức: a person who works in the system. */
@Entity
@Table(name = "official")
public class Official {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    private String position;

    /** Địa chỉ thư điện tử công vụ; null when the official has none (no mail is sent). */
    private String email;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "official_role", joinColumns = @JoinColumn(name = "official_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private boolean demo;

    protected Official() {
    }

    Official(String username, String fullName, String position, OrgUnit unit, Set<Role> roles, boolean demo) {
        this(username, fullName, position, null, unit, roles, demo);
    }

    Official(String username, String fullName, String position, String email, OrgUnit unit, Set<Role> roles,
            boolean demo) {
        this.username = username;
        this.email = blankToNull(email);
        this.fullName = fullName;
        this.position = position;
        this.unit = unit;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.demo = demo;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPosition() {
        return position;
    }

    public String getEmail() {
        return email;
    }

    /** A registry loaded before addresses existed gets them from the data file; an address already set is kept. */
    boolean fillEmail(String address) {
        if (email != null || blankToNull(address) == null) {
            return false;
        }
        email = address.trim();
        return true;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public boolean isDemo() {
        return demo;
    }
}
