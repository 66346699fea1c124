package vn.dienbien.tdkt.decision;

import java.util.Collection;
import java.util.Map;

/**
 * Người, tập thể được khen thưởng as an annex prints them (name, position and unit, award). The
 * dossier module knows them and provides this; the decision module only prints.
 */
public interface AwardeeDetails {

    /** One row of the annex. */
    record Line(Long dossierId, String name, String positionAndUnit, String awardName) {
    }

    /** The lines of these dossiers, by dossier id (unknown ids are left out). */
    Map<Long, Line> of(Collection<Long> dossierIds);
}
