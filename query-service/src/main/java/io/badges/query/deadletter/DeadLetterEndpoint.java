package io.badges.query.deadletter;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/deadletters}: the parked events; {@code POST /actuator/deadletters/{eventId}}:
 * replay that event and the parked events of its aggregate. Management access only (the management key,
 * or a local caller: ManagementAccessFilter), like every actuator endpoint but health.
 */
@Component
@Endpoint(id = "deadletters")
class DeadLetterEndpoint {

    private final DeadLetterStore store;
    private final DeadLetterReplay replay;

    DeadLetterEndpoint(DeadLetterStore store, DeadLetterReplay replay) {
        this.store = store;
        this.replay = replay;
    }

    @ReadOperation
    Map<String, List<DeadLetter>> parked() {
        return Map.of("parked", store.list());
    }

    @WriteOperation
    DeadLetterReplay.Outcome replay(@Selector String eventId) {
        return replay.replay(eventId);
    }
}
