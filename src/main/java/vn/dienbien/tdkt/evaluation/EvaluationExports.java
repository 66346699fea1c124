package vn.dienbien.tdkt.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.Spreadsheets;

/**
 * Kết quả đánh giá hằng năm as XLSX (Vietnamese offices work in Excel) and CSV: the blocks whose
 * results the reader may see (see {@link EvaluationReaders}).
 */
@Service
public class EvaluationExports {

    static final String[] HEADER = {"Khối", "Xếp hạng", "Mã đơn vị", "Đơn vị", "Điểm tự chấm", "Điểm sau điều chỉnh",
            "Số phiếu suy tôn", "Được suy tôn dẫn đầu"};

    private final BlockEvaluations evaluations;
    private final BlockViews views;
    private final BlockResultRepository results;
    private final ScoringTableRepository tables;
    private final Blocks blocks;

    EvaluationExports(BlockEvaluations evaluations, BlockViews views, BlockResultRepository results,
            ScoringTableRepository tables, Blocks blocks) {
        this.evaluations = evaluations;
        this.views = views;
        this.results = results;
        this.tables = tables;
        this.blocks = blocks;
    }

    /** One line per unit of every evaluated block the reader may see. */
    @Transactional(readOnly = true)
    public List<List<Object>> rows(Long roundId, CurrentUser reader) {
        EvaluationRound round = evaluations.round(roundId);
        Map<Long, Long> electedByGroup = results.findByRoundId(roundId).stream()
                .collect(Collectors.toMap(BlockResult::getGroupId, BlockResult::getElectedUnitId));
        List<List<Object>> rows = new ArrayList<>();
        for (var table : tables.findByYear(round.getYear())) {
            var group = blocks.groupById(table.getGroupId());
            if (!views.readsResults(reader, round, group)) {
                continue;
            }
            Long elected = electedByGroup.get(group.getId());
            String electedCode = elected == null ? null : blocks.unitById(elected).getCode();
            for (var s : evaluations.standings(round, group)) {
                rows.add(List.of(group.getName(), s.rank(), s.unitCode(), s.unitName(), s.selfTotal(), s.finalTotal(),
                        s.votes(), s.unitCode().equals(electedCode) ? "Có" : ""));
            }
        }
        return rows;
    }

    @Transactional(readOnly = true)
    public byte[] xlsx(Long roundId, CurrentUser reader) {
        return Spreadsheets.xlsx("Kết quả năm " + evaluations.round(roundId).getYear(), table(roundId, reader));
    }

    @Transactional(readOnly = true)
    public byte[] csv(Long roundId, CurrentUser reader) {
        return Spreadsheets.csv(table(roundId, reader));
    }

    private List<List<Object>> table(Long roundId, CurrentUser reader) {
        List<List<Object>> table = new ArrayList<>();
        table.add(List.of((Object[]) HEADER));
        table.addAll(rows(roundId, reader));
        return table;
    }
}
