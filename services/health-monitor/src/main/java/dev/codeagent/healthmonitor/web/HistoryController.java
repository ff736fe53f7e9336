package dev.codeagent.healthmonitor.web;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.healthmonitor.config.TargetCatalog;
import dev.codeagent.healthmonitor.history.HistoryReport;
import dev.codeagent.healthmonitor.history.HistoryStore;
import dev.codeagent.platform.web.ApiProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The durable history of every target as timelines, for the dashboard. */
@RestController
@Validated
class HistoryController {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final HistoryStore store;
    private final TargetCatalog catalog;

    HistoryController(HistoryStore store, TargetCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @GetMapping("/api/history")
    HistoryReport history(@RequestParam(defaultValue = "24") @Min(1) @Max(720) int hours) {
        try {
            return store.timeline(catalog.targets(), Duration.ofHours(hours));
        } catch (DataAccessException e) {
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                    "History unavailable", "The history database cannot be read; live status is unaffected",
                    RETRY_AFTER, Map.of(), e);
        }
    }
}
