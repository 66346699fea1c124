package vn.dienbien.tdkt.campaign;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

    // JPQL, not a derived query: Hibernate caches a JPQL string's translation, a derived (criteria) query is
    // translated again at every call; these run at every step of a case (issue 12).
    @Query("select c from Campaign c where c.code = :code")
    Optional<Campaign> findByCode(@Param("code") String code);
}
