package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * What the council is shown for each dossier: whether the nominee is a direct worker and a woman, and
 * whether the unit is in an especially difficult area (the law asks the council to give them priority),
 * and the Board's appraisal note.
 */
@WorkflowTest
class CouncilPriorityTest {

    @Autowired CouncilScenario scenario;
    @Autowired CouncilSessionViews views;

    @Test
    void eachDossierShowsItsPriorityGroundsAndTheBoardsNote() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 9, 2, 9, 0));
        Long woman = scenario.returnedThenAcceptedCertificate("Lò Thị Ưu Tiên", "Bổ sung báo cáo.");
        Long other = scenario.acceptedCertificate("Quàng Văn Thường");
        Long sessionId = scenario.open("Phiên họp tháng 9/2024", LocalDate.of(2024, 9, 12), List.of(woman, other));

        var view = views.view(sessionId, scenario.user("hoidong1"));
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(woman)).singleElement().satisfies(d -> {
            assertThat(d.directWorker()).isTrue();
            assertThat(d.gender()).isEqualTo("Nữ");
            assertThat(d.nomineeKind()).isEqualTo("INDIVIDUAL");
            assertThat(d.appraisalNote()).isEqualTo("Đủ điều kiện sau khi bổ sung.");
            assertThat(d.difficultArea()).as("Sở Y tế is not in a difficult area").isFalse();
        });
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(other)).singleElement().satisfies(d -> {
            assertThat(d.directWorker()).isFalse();
            assertThat(d.gender()).isEqualTo("Nam");
            assertThat(d.appraisalNote()).as("the Board accepted without a note: the standard wording")
                    .isEqualTo("Hồ sơ đủ điều kiện, trình Hội đồng Thi đua – Khen thưởng tỉnh");
        });
    }

    @Test
    void aDossierFromAPoorDistrictIsMarkedAsFromAnEspeciallyDifficultArea() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 9, 3, 9, 0));
        Long highland = scenario.acceptedCertificate("Giàng A Vùng Cao", "MNHE");
        Long lowland = scenario.acceptedCertificate("Lường Văn Thành Phố", "DBP");
        Long sessionId = scenario.open("Phiên họp vùng khó khăn", LocalDate.of(2024, 9, 13), List.of(highland, lowland));

        var view = views.view(sessionId, scenario.user("hoidong2"));
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(highland)).singleElement()
                .satisfies(d -> assertThat(d.difficultArea()).as("Mường Nhé, a poor district (353/QĐ-TTg)").isTrue());
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(lowland)).singleElement()
                .satisfies(d -> assertThat(d.difficultArea()).as("the city of Điện Biên Phủ").isFalse());
    }
}
