package dev.codeagent.llmpatch.web;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.llmpatch.context.ContextSelector;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/context/select}: which files the orchestrator should fetch for an intent. */
@RestController
public class ContextController {

    private final ContextSelector selector;

    public ContextController(ContextSelector selector) {
        this.selector = selector;
    }

    @PostMapping("/api/context/select")
    public ContextSelection select(@Valid @RequestBody ContextSelectionRequest request) {
        return selector.select(request);
    }
}
