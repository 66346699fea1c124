package vn.dienbien.tdkt.organization;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfficialRepository extends JpaRepository<Official, Long> {

    Optional<Official> findByUsername(String username);
}
