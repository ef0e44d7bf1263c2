package io.badges.query.page;

import io.badges.events.assertion.Evidence;
import io.badges.query.verification.Check;
import java.util.List;

/**
 * Everything the page of one award shows, already in words: it is both what the template renders
 * and the key its rendered bytes are kept under ({@link PageCache}), so any change to what it shows
 * is a new key. {@code image}: a path on this service; {@code linkedIn} null once revoked.
 */
public record BadgePage(Head head, String name, String description, String image, String criteria,
                        String criteriaUrl, String issuerName, String issuerPage, String issuerUrl, When issued,
                        When expires, Verdict verdict, String revocationReason, List<Check> checks, String narrative,
                        List<Evidence> evidence, List<Link> downloads, String linkedIn) {
}
