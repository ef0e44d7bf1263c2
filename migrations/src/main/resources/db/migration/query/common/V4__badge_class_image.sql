-- The hosted picture of a badge class, served at /public/badges/{id}/image and baked into its
-- assertions' images. A removal (an https URL replaced the upload) keeps the row, empty, so that
-- last_seq still guards against a replayed older event.
-- Written once for both vendors: ${bytes} and ${timestamp} are the vendor's types (Database.typePlaceholders).
CREATE TABLE badge_class_image (
    badge_class_id  VARCHAR(36)   PRIMARY KEY,
    media_type      VARCHAR(20)   CHECK (media_type IN ('image/png', 'image/svg+xml')),
    image           ${bytes},
    sha256          CHAR(64),
    updated_at      ${timestamp}  NOT NULL,
    last_seq        BIGINT        NOT NULL,
    CHECK ((image IS NULL AND media_type IS NULL AND sha256 IS NULL)
        OR (image IS NOT NULL AND media_type IS NOT NULL AND sha256 IS NOT NULL))
);
