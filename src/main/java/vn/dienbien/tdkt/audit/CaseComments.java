package vn.dienbien.tdkt.audit;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Ý kiến giám sát: the Fatherland Front's comment on a case, kept in its timeline and sealed with it. */
@Service
class CaseComments {

    static final int MAX_LENGTH = 3_900;

    private final JdbcTemplate jdbc;
    private final LedgerSealing sealing;

    CaseComments(JdbcTemplate jdbc, LedgerSealing sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
    }

    @Transactional
    public long add(String caseId, String text, CurrentUser user) {
        AuditAccess.requireCommenter(user);
        Integer cases = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where ID_ = ?", Integer.class, caseId);
        if (cases == null || cases == 0) {
            throw ApiException.notFound("Không tìm thấy vụ việc có mã " + caseId + ".");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw ApiException.badRequest("Vui lòng nhập nội dung ý kiến giám sát.");
        }
        if (body.length() > MAX_LENGTH) {
            throw ApiException.badRequest("Ý kiến giám sát dài tối đa " + MAX_LENGTH + " ký tự (hiện có "
                    + body.length() + ").");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("insert into case_comment (case_id, author, body, created_at)"
                    + " values (?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, caseId);
            ps.setString(2, user.userId());
            ps.setString(3, body);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        sealing.recordsWritten(caseId, java.util.Set.of(CaseItems.COMMENT));
        return keys.getKey().longValue();
    }
}
