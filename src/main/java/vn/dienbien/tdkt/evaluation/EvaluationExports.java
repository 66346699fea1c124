package vn.dienbien.tdkt.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.OrgUnitRepository;

/** Kết quả đánh giá hằng năm as XLSX (Vietnamese offices work in Excel) and CSV. */
@Service
public class EvaluationExports {

    static final String[] HEADER = {"Khối", "Xếp hạng", "Mã đơn vị", "Đơn vị", "Điểm tự chấm", "Điểm sau điều chỉnh",
            "Số phiếu suy tôn", "Được suy tôn dẫn đầu"};

    private final BlockEvaluations evaluations;
    private final BlockResultRepository results;
    private final EvaluationRoundRepository rounds;
    private final ScoringTableRepository tables;
    private final OrgUnitRepository units;

    EvaluationExports(BlockEvaluations evaluations, BlockResultRepository results, EvaluationRoundRepository rounds,
            ScoringTableRepository tables, OrgUnitRepository units) {
        this.evaluations = evaluations;
        this.results = results;
        this.rounds = rounds;
        this.tables = tables;
        this.units = units;
    }

    /** One line per unit of every evaluated block. */
    @Transactional(readOnly = true)
    public List<List<Object>> rows(Long roundId) {
        var round = rounds.findById(roundId).orElseThrow();
        List<List<Object>> rows = new ArrayList<>();
        for (var table : tables.findByYear(round.getYear())) {
            var group = units.findAll().stream().map(u -> u.getEmulationGroup())
                    .filter(g -> g != null && g.getId().equals(table.getGroupId())).findFirst().orElseThrow();
            Long elected = results.findByRoundId(roundId).stream().filter(r -> r.getGroupId().equals(group.getId()))
                    .map(BlockResult::getElectedUnitId).findFirst().orElse(null);
            for (var s : evaluations.standings(roundId, group.getCode())) {
                boolean isElected = elected != null && units.findByCode(s.unitCode()).orElseThrow().getId().equals(elected);
                rows.add(List.of(group.getName(), s.rank(), s.unitCode(), s.unitName(), s.selfTotal(), s.finalTotal(),
                        s.votes(), isElected ? "Có" : ""));
            }
        }
        return rows;
    }

    @Transactional(readOnly = true)
    public byte[] xlsx(Long roundId) {
        var round = rounds.findById(roundId).orElseThrow();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Kết quả năm " + round.getYear());
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                head.createCell(i).setCellValue(HEADER[i]);
            }
            int r = 1;
            for (List<Object> values : rows(roundId)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(v));
                    }
                }
            }
            for (int i = 0; i < HEADER.length; i++) {
                sheet.autoSizeColumn(i);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(readOnly = true)
    public byte[] csv(Long roundId) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
        for (List<Object> values : rows(roundId)) {
            csv.append(String.join(",", values.stream().map(v -> v instanceof Number ? v.toString()
                    : "\"" + String.valueOf(v).replace("\"", "\"\"") + "\"").toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
