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

    List<Official> findByUsernameIn(Collection<String> usernames);
}
