-- The picture a badge class is shown and baked with, uploaded to the service (BadgeClassImageChanged).
-- Written once for both vendors: ${bytes} and ${timestamp} are the vendor's types (Database.typePlaceholders).
CREATE TABLE badge_class_image (
    badge_class_id  VARCHAR(36)   PRIMARY KEY REFERENCES badge_class (id),
    media_type      VARCHAR(20)   NOT NULL CHECK (media_type IN ('image/png', 'image/svg+xml')),
    image           ${bytes}      NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    updated_at      ${timestamp}  NOT NULL
);
