package vn.dienbien.tdkt.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DossierRepository extends JpaRepository<Dossier, Long> {

    List<Dossier> findByNomineeKeyOrderByYear(String nomineeKey);

    Optional<Dossier> findByProcessInstanceId(String processInstanceId);

    List<Dossier> findByAwardCodeAndYearAndLedGroupIdAndStatusIn(String awardCode, int year, Long ledGroupId,
            Collection<DossierStatus> statuses);

    List<Dossier> findByNomineeUnitIdOrProposingUnitIdOrderByYear(Long nomineeUnitId, Long proposingUnitId);
}

interface AwardRepository extends JpaRepository<Award, String> {
}

interface DossierStatusChangeRepository extends JpaRepository<DossierStatusChange, Long> {

    List<DossierStatusChange> findByDossierIdOrderByAtAscIdAsc(Long dossierId);
}

interface DossierRuleResultRepository extends JpaRepository<DossierRuleResult, Long> {

    List<DossierRuleResult> findByDossierIdOrderByRoundAscIdAsc(Long dossierId);
}
