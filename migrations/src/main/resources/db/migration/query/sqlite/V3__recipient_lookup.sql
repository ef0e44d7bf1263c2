-- Keyed hash of the recipient's normalised address (HMAC-SHA256, see RecipientLookup): finds every
-- award of one person without storing the address. NULL for awards recorded before schema 3.
ALTER TABLE assertion_view ADD COLUMN recipient_lookup VARCHAR(64);
-- Assertions of a recipient, newest first, keyset on (issued_on, id).
CREATE INDEX assertion_view_recipient_idx ON assertion_view (recipient_lookup, issued_on DESC, id DESC);
