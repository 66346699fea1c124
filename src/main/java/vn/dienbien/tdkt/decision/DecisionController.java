package vn.dienbien.tdkt.decision;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Decisions of a year, each with its number and awardees (public acts of the province). */
@RestController
class DecisionController {

    private final AwardDecisions decisions;

    DecisionController(AwardDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/decisions")
    List<DecisionView> ofYear(@RequestParam int year, HttpServletRequest request) {
        CurrentUser.of(request);
        return decisions.ofYear(year);
    }
}
