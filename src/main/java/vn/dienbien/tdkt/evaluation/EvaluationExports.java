package vn.dienbien.tdkt.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.Spreadsheets;

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
        return Spreadsheets.xlsx("Kết quả năm " + round.getYear(), table(roundId));
    }

    @Transactional(readOnly = true)
    public byte[] csv(Long roundId) {
        return Spreadsheets.csv(table(roundId));
    }

    private List<List<Object>> table(Long roundId) {
        List<List<Object>> table = new ArrayList<>();
        table.add(List.of((Object[]) HEADER));
        table.addAll(rows(roundId));
        return table;
    }
}
