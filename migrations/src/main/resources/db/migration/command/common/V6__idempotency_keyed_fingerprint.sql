-- Idempotency records now keep an HMAC-SHA256 of their request under a server secret (the request holds
-- the recipient's clear address, and a plain SHA-256 of it can be tested against guesses). The plain
-- digests written before cannot be turned into HMACs: they are erased. An erased record still replays
-- its first answer to a retry with its key; it can no longer tell a different body under that key.
UPDATE idempotency_key SET request_hash = 'erased';
