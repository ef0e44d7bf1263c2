package io.badges.query.issuer;

import io.badges.query.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/issuers")
class IssuerController {

    private final IssuerViewStore store;

    IssuerController(IssuerViewStore store) {
        this.store = store;
    }

    @GetMapping("/{id}")
    IssuerView get(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> new NotFound("issuer", id));
    }
}
