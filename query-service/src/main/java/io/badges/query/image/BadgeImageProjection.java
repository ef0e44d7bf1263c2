package io.badges.query.image;

import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassImageChanged;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.persistence.Database;
import io.badges.query.ReadModel;
import io.badges.query.cache.Invalidations;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes badge_class_image (guarded by last_seq) in the processor's transaction, and invalidates the
 * cached picture whenever what it is made of changes: the upload, or the name and URL that the
 * generated picture and the redirect come from.
 */
@Component
@ProcessingGroup(ReadModel.GROUP)
class BadgeImageProjection {

    /** A removal keeps the row, emptied, so that its last_seq still turns an older replayed upload away. */
    static final String UPSERT = """
            INSERT INTO badge_class_image (badge_class_id, media_type, image, sha256, updated_at, last_seq)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (badge_class_id) DO UPDATE
                SET media_type = excluded.media_type, image = excluded.image, sha256 = excluded.sha256,
                    updated_at = excluded.updated_at, last_seq = excluded.last_seq
                WHERE badge_class_image.last_seq < excluded.last_seq
            """;

    private final JdbcClient writes;
    private final Database database;
    private final Invalidations invalidations;
    private final BakedImages baked;

    BadgeImageProjection(JdbcClient writes, Database database, Invalidations invalidations, BakedImages baked) {
        this.writes = writes;
        this.database = database;
        this.invalidations = invalidations;
        this.baked = baked;
    }

    @EventHandler
    void on(BadgeClassImageChanged e, @SequenceNumber long seq) {
        byte[] image = e.hosted() ? e.image() : null;
        // the digest is the ETag: taken from the bytes that will be served, not from the event's word
        String sha256 = image == null ? null
                : new BadgeImages.Image(ImageType.ofMediaType(e.mediaType()).orElseThrow(), image).sha256();
        writes.sql(UPSERT)
                .params(e.badgeClassId(), image == null ? null : e.mediaType(), image, sha256,
                        database.bindInstant(e.occurredAt()), seq)
                .update();
        invalidations.changed(BadgeImageStore.CACHE, e.badgeClassId(), seq);
        afterCommit(() -> baked.forget(e.badgeClassId()));
    }

    @EventHandler
    void on(BadgeClassDefined e, @SequenceNumber long seq) {
        invalidations.changed(BadgeImageStore.CACHE, e.badgeClassId(), seq);
    }

    @EventHandler
    void on(BadgeClassUpdated e, @SequenceNumber long seq) {
        invalidations.changed(BadgeImageStore.CACHE, e.badgeClassId(), seq);
    }

    private static void afterCommit(Runnable task) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> task.run());
        } else {
            task.run();
        }
    }
}
