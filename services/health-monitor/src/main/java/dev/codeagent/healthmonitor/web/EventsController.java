package dev.codeagent.healthmonitor.web;

import dev.codeagent.healthmonitor.events.EventHub;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live status changes as server-sent events. */
@RestController
class EventsController {

    private final EventHub hub;

    EventsController(EventHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return hub.subscribe();
    }
}
