package vn.dienbien.tdkt.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfficialRepository extends JpaRepository<Official, Long> {

    Optional<Official> findByUsername(String username);

    List<Official> findByUsernameIn(Collection<String> usernames);
}
