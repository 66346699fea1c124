package vn.dienbien.tdkt.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

public interface OfficialRepository extends JpaRepository<Official, Long> {

    /** As JPQL, translated once (a derived query is translated again on every call by Hibernate 6.6). */
    @Query("select o from Official o where o.username = :username")
    Optional<Official> findByUsername(@Param("username") String username);

    /**
     * The unit an official belongs to, without loading the official, the unit and the roles (a step that only needs
     * the unit, such as storing an attachment, asked for all three per call: 2.9% of the province benchmark's
     * workers, issue 12).
     */
    @Query("select o.unit.id from Official o where o.username = :username")
    Optional<Long> findUnitIdByUsername(@Param("username") String username);

    /** The code of the unit an official belongs to (see {@link #findUnitIdByUsername}). */
    @Query("select o.unit.code from Official o where o.username = :username")
    Optional<String> findUnitCodeByUsername(@Param("username") String username);

    List<Official> findByUsernameIn(Collection<String> usernames);
}
