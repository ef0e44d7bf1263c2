package io.badges.query.issuer;

import java.util.List;

/** What the issuer cache holds: the profile and the ids of its published keys (both change its last_seq). */
record IssuerEntry(IssuerView view, List<String> keyIds) {
}
