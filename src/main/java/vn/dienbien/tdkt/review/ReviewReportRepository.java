package vn.dienbien.tdkt.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewReportRepository extends JpaRepository<ReviewReport, Long> {

    List<ReviewReport> findByCampaignIdOrderByIdDesc(Long campaignId);

    java.util.Optional<ReviewReport> findByProcessInstanceId(String processInstanceId);
}
