-- Events the read model could not apply after badges.projection.max-attempts tries (a poison event),
-- and the later events of the same aggregate, parked in order until an operator replays them
-- (DeadLetters; docs/operations.md). The event is kept as the event store serialised it.
CREATE TABLE dead_letter (
    event_id         VARCHAR(64)   PRIMARY KEY,
    aggregate_type   VARCHAR(255),
    aggregate_id     VARCHAR(255),
    sequence_number  BIGINT,
    payload_type     VARCHAR(255)  NOT NULL,
    payload_revision VARCHAR(64),
    payload          ${bytes}      NOT NULL,
    metadata         ${bytes},
    occurred_at      ${timestamp}  NOT NULL,
    parked_at        ${timestamp}  NOT NULL,
    attempts         INTEGER       NOT NULL,
    cause            VARCHAR(1000) NOT NULL
);

-- replay takes an aggregate's parked events in their order
CREATE INDEX dead_letter_aggregate ON dead_letter (aggregate_id, sequence_number);
