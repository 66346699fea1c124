package vn.dienbien.tdkt.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

interface LaunchPlanRepository extends JpaRepository<LaunchPlan, Long> {

    List<LaunchPlan> findByCampaignIdOrderById(Long campaignId);

    List<LaunchPlan> findByReportingRoundIdOrderById(Long roundId);

    // JPQL, not a derived query: Hibernate caches a JPQL string's translation, a derived (criteria) query is
    // translated again at every call; these run at every step of a case (issue 12).
    @Query("select p from LaunchPlan p where p.processInstanceId = :processInstanceId")
    Optional<LaunchPlan> findByProcessInstanceId(@Param("processInstanceId") String processInstanceId);
}

interface LaunchPlanSubmissionRepository extends JpaRepository<LaunchPlanSubmission, Long> {

    List<LaunchPlanSubmission> findByLaunchPlanIdOrderByRound(Long launchPlanId);

    int countByLaunchPlanId(Long launchPlanId);
}

interface LaunchPlanReviewRepository extends JpaRepository<LaunchPlanReview, Long> {

    List<LaunchPlanReview> findByLaunchPlanIdOrderByRound(Long launchPlanId);
}

interface LaunchPlanUrgingRepository extends JpaRepository<LaunchPlanUrging, Long> {

    List<LaunchPlanUrging> findByLaunchPlanIdOrderByUrgedAt(Long launchPlanId);
}

interface ReportingRoundRepository extends JpaRepository<ReportingRound, Long> {

    List<ReportingRound> findByCampaignIdOrderByDueAtAscIdAsc(Long campaignId);

    Optional<ReportingRound> findByCampaignIdAndKind(Long campaignId, ReportKind kind);

    boolean existsByCampaignIdAndKindAndPeriodYear(Long campaignId, ReportKind kind, int periodYear);
}
