package io.badges.query.badgeclass;

import io.badges.query.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/badge-classes")
class BadgeClassController {

    private final BadgeClassViewStore store;

    BadgeClassController(BadgeClassViewStore store) {
        this.store = store;
    }

    @GetMapping("/{id}")
    BadgeClassView get(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> new NotFound("badge class", id));
    }
}
