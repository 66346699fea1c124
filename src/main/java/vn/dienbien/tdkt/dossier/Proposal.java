package vn.dienbien.tdkt.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Đề nghị khen thưởng as a unit sends it (REST body or the Tasklist start form). Documents map a
 * {@link DocumentType} name to the id of an uploaded document. The limits match the columns of
 * {@code dossier} (V5): a value that does not fit is refused with 400, never cut or stored.
 */
public record Proposal(
        @Size(max = 64, message = "mã đợt thi đua dài quá 64 ký tự") String campaignCode,
        @Min(value = 2000, message = "năm xét khen thưởng phải từ 2000 đến 2100")
        @Max(value = 2100, message = "năm xét khen thưởng phải từ 2000 đến 2100") Integer year,
        @Size(max = 32, message = "mã hình thức khen thưởng dài quá 32 ký tự") String awardCode,
        @Size(max = 16, message = "loại đối tượng dài quá 16 ký tự") String nomineeKind,
        @Pattern(regexp = CODE, message = "mã đơn vị trình chỉ gồm chữ, số, dấu gạch (tối đa 32 ký tự)")
        String proposingUnitCode,
        @Valid Nominee nominee,
        @Size(max = 4000, message = "tóm tắt thành tích dài quá 4000 ký tự") String achievementSummary,
        @Valid Facts facts,
        @Size(max = 10, message = "hồ sơ có nhiều nhất 10 văn bản")
        Map<@NotNull(message = "thiếu loại văn bản") @Size(max = 32, message = "loại văn bản dài quá 32 ký tự") String,
                @NotNull(message = "thiếu số văn bản đính kèm") @Positive(message = "số văn bản đính kèm không hợp lệ") Long>
                documents) {

    /** Codes of units and blocks: letters, digits, dot, dash, underscore. */
    static final String CODE = "[A-Za-z0-9._-]{1,32}";

    /**
     * Who is proposed: the fields that fit the nominee kind. A household's head and address are
     * short enough for the nominee's key (400 characters) to hold both.
     */
    public record Nominee(
            @Size(max = 255, message = "họ và tên dài quá 255 ký tự") String fullName,
            @Size(max = 8, message = "giới tính dài quá 8 ký tự") String gender,
            @Min(value = 1900, message = "năm sinh phải từ 1900 đến 2100")
            @Max(value = 2100, message = "năm sinh phải từ 1900 đến 2100") Integer birthYear,
            @Size(max = 255, message = "chức vụ dài quá 255 ký tự") String position,
            @Size(max = 255, message = "đơn vị công tác dài quá 255 ký tự") String workUnit,
            Boolean directWorker,
            @Size(max = 255, message = "tên tập thể dài quá 255 ký tự") String collectiveName,
            @Size(max = 255, message = "tên đơn vị cấp trên dài quá 255 ký tự") String parentUnit,
            @Min(value = 0, message = "tỷ lệ nữ phải từ 0 đến 100%")
            @Max(value = 100, message = "tỷ lệ nữ phải từ 0 đến 100%") Integer womenSharePercent,
            @Pattern(regexp = CODE, message = "mã đơn vị được đề nghị chỉ gồm chữ, số, dấu gạch (tối đa 32 ký tự)")
            String unitCode,
            @Pattern(regexp = CODE, message = "mã cụm/khối chỉ gồm chữ, số, dấu gạch (tối đa 32 ký tự)")
            String ledGroupCode,
            @Min(value = 0, message = "số phiếu suy tôn phải từ 0 đến 10000")
            @Max(value = 10000, message = "số phiếu suy tôn phải từ 0 đến 10000") Integer blockVoteYes,
            @Min(value = 0, message = "tổng số phiếu của khối phải từ 0 đến 10000")
            @Max(value = 10000, message = "tổng số phiếu của khối phải từ 0 đến 10000") Integer blockVoteTotal,
            @Size(max = 120, message = "tên chủ hộ dài quá 120 ký tự") String householdHead,
            @Size(max = 255, message = "địa chỉ hộ gia đình dài quá 255 ký tự") String address) {
    }

    /** What the proposing unit declares, and the Board verifies. */
    public record Facts(
            @Size(max = 20, message = "nhiều nhất 20 năm hoàn thành xuất sắc nhiệm vụ")
            List<@NotNull(message = "năm hoàn thành xuất sắc nhiệm vụ không được để trống")
                    @Min(value = 2000, message = "năm hoàn thành xuất sắc nhiệm vụ phải từ 2000 đến 2100")
                    @Max(value = 2100, message = "năm hoàn thành xuất sắc nhiệm vụ phải từ 2000 đến 2100") Integer>
                    excellentYears,
            @Min(value = 0, message = "số sáng kiến không được âm")
            @Max(value = 1000, message = "số sáng kiến không quá 1000") Integer recognisedInitiatives,
            Boolean underDiscipline,
            Boolean underInvestigation,
            Boolean openComplaint) {
    }
}
