package vn.dienbien.tdkt.dossier;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * Mã yêu cầu của máy khách (Idempotency-Key): the key a client sends with a proposal so that sending it again
 * after a lost answer returns the dossier the first request created instead of a second one (issue 13). Kept in
 * {@code dossier.client_request_id}, unique per proposing official (migration V33).
 */
@Component
class DossierRequestIds {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final JdbcTemplate jdbc;

    DossierRequestIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key as sent, or a 400 naming what a key may hold. */
    static String valid(String key) {
        if (!VALID.matcher(key).matches()) {
            throw ApiException.badRequest("Mã yêu cầu (Idempotency-Key) chỉ gồm chữ không dấu, số và . _ : -,"
                    + " tối đa 64 ký tự.");
        }
        return key;
    }

    /** The dossier this official's earlier request with this key created, if any. */
    Optional<Long> dossierOf(String userId, String requestId) {
        return jdbc.queryForList("select id from dossier where created_by = ? and client_request_id = ?", Long.class,
                userId, requestId).stream().findFirst();
    }

    /** Records the key on the new dossier, in the proposing transaction; a concurrent twin fails on the unique index. */
    void remember(Long dossierId, String requestId) {
        jdbc.update("update dossier set client_request_id = ? where id = ?", requestId, dossierId);
    }
}
