package dev.codeagent.healthmonitor.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard is one page; job pages have their own URLs so they can be bookmarked and shared. */
@Controller
class DashboardController {

    @GetMapping({"/jobs/{id}", "/jobs/{id}/"})
    String jobPage() {
        return "forward:/index.html";
    }
}
