package vn.dienbien.tdkt.dossier;

import java.util.Optional;

/**
 * Which unit a cluster/block elected (bình xét, suy tôn) to lead it in a year. Implemented by the
 * yearly evaluation; without an election the registry's leader counts.
 */
public interface BlockLeadership {

    Optional<Long> electedLeader(Long groupId, int year);
}
