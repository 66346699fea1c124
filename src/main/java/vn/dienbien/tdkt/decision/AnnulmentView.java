package vn.dienbien.tdkt.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Quyết định thu hồi / hủy bỏ khen thưởng of one awardee: its own number ({@code code}) and date, and
 * the award decision it takes back ({@code decisionCode}).
 */
public record AnnulmentView(Long id, Long dossierId, Long decisionId, String decisionCode, String kind,
        String kindLabel, String reason, String code, LocalDate signedOn, String signer, String decidedBy,
        Instant decidedAt, String processInstanceId) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** "Đã bị thu hồi theo Quyết định số 15/QĐ-UBND ngày 03/04/2025". */
    public String statement() {
        return "Đã bị " + kindLabel + " theo Quyết định số " + code + " ngày " + DAY.format(signedOn);
    }
}
