package vn.dienbien.tdkt.evaluation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TargetRepository extends JpaRepository<Target, Long> {

    List<Target> findByCampaignIdOrderByCode(Long campaignId);

    long countByCampaignId(Long campaignId);

    java.util.Optional<Target> findByCampaignIdAndCode(Long campaignId, String code);
}

interface TargetActualRepository extends JpaRepository<TargetActual, Long> {

    List<TargetActual> findByTargetIdOrderByYear(Long targetId);

    Optional<TargetActual> findByTargetIdAndYear(Long targetId, int year);

    boolean existsByTargetId(Long targetId);
}
