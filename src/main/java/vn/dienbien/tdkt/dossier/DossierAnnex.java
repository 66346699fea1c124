package vn.dienbien.tdkt.dossier;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.decision.AwardeeDetails;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;

/**
 * The annex lines of tờ trình and quyết định: an individual as "position, work unit", a collective
 * or household under its proposing unit; read with one query per table.
 */
@Component
class DossierAnnex implements AwardeeDetails {

    private final DossierRepository dossiers;
    private final AwardRepository awards;
    private final OrgUnitRepository units;

    DossierAnnex(DossierRepository dossiers, AwardRepository awards, OrgUnitRepository units) {
        this.dossiers = dossiers;
        this.awards = awards;
        this.units = units;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Line> of(Collection<Long> dossierIds) {
        var found = dossiers.findAllById(dossierIds);
        Map<String, String> awardNames = awards.findAllById(found.stream().map(Dossier::getAwardCode)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Award::getCode, Award::getName));
        Set<Long> unitIds = found.stream().map(Dossier::getProposingUnitId).collect(Collectors.toSet());
        Map<Long, String> unitNames = units.findAllById(unitIds).stream()
                .collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getName));
        Map<Long, Line> lines = new LinkedHashMap<>();
        for (Dossier d : found) {
            String unit = d.getWorkUnit() != null && !d.getWorkUnit().isBlank() ? d.getWorkUnit()
                    : unitNames.getOrDefault(d.getProposingUnitId(), "");
            String where = d.getPosition() != null && !d.getPosition().isBlank() ? d.getPosition() + ", " + unit : unit;
            lines.put(d.getId(), new Line(d.getId(), d.getNomineeName(), where,
                    awardNames.getOrDefault(d.getAwardCode(), d.getAwardCode())));
        }
        return lines;
    }
}
