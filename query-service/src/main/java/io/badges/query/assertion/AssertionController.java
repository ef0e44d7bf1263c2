package io.badges.query.assertion;

import io.badges.query.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/assertions")
class AssertionController {

    private final AssertionViewStore store;

    AssertionController(AssertionViewStore store) {
        this.store = store;
    }

    @GetMapping("/{id}")
    AssertionView get(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> new NotFound("assertion", id));
    }
}
