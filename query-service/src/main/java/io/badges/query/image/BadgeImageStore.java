package io.badges.query.image;

import io.badges.query.cache.Caches;
import io.badges.query.cache.TieredCache;
import io.badges.query.cache.Versioned;
import io.badges.query.config.QueryProperties;
import io.badges.vocabulary.image.BadgeImages;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The picture of each badge class, read through the cache; {@link BadgeImageProjection} writes
 * badge_class_image and invalidates. One value answers from two rows, badge_class_view (name and
 * URL, for the generated picture and the redirect) and badge_class_image: both are written by events
 * of the badge class's own stream, so their last_seq are one sequence and the greater is the version.
 */
@Component
public class BadgeImageStore {

    static final String CACHE = "badge-image";

    /** By primary key on both tables. */
    public static final String SELECT = """
            SELECT b.name, b.image, b.last_seq, i.media_type, i.image, i.sha256, COALESCE(i.last_seq, -1)
            FROM badge_class_view b LEFT JOIN badge_class_image i ON i.badge_class_id = b.id
            WHERE b.id = ?""";

    private final JdbcClient reads;
    private final TieredCache<BadgeImage> cache;

    BadgeImageStore(@Qualifier("reads") JdbcClient reads, Caches caches, QueryProperties properties) {
        this.reads = reads;
        this.cache = caches.create(CACHE, BadgeImage.class, BadgeImage::weight,
                properties.cache().badgeImagesMaxSize());
    }

    /** Empty: no such badge class (yet). */
    Optional<BadgeImage> find(String badgeClassId) {
        return cache.get(badgeClassId, this::load);
    }

    private Optional<Versioned<BadgeImage>> load(String id) {
        return reads.sql(SELECT).param(id).query((rs, n) -> {
            long version = Math.max(rs.getLong(3), rs.getLong(7));
            byte[] uploaded = rs.getBytes(5);
            if (uploaded != null) {
                return Versioned.of(new BadgeImage(rs.getString(4), uploaded, rs.getString(6), null), version);
            }
            BadgeImages.Image generated = BadgeImages.generated(id, rs.getString(1));
            return Versioned.of(new BadgeImage(generated.type().mediaType(), generated.bytes(), generated.sha256(),
                    https(rs.getString(2))), version);
        }).optional();
    }

    /** Only an https URL is redirected to: a page served over https must not load a picture over http. */
    private static String https(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("https://") ? url : null;
    }
}
