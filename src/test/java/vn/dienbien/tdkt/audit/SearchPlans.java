package vn.dienbien.tdkt.audit;

import java.util.List;
import org.springframework.context.ApplicationContext;

/** The plans of the search's count and page queries (filled in once the search is on this branch). */
final class SearchPlans {

    private SearchPlans() {
    }

    static void print(BenchmarkExplain explain, ApplicationContext context, List<SearchQueries.Query> samples) {
    }
}
