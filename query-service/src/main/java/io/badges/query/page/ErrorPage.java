package io.badges.query.page;

/** A refused request in words, with the status it is answered with. */
public record ErrorPage(Head head, int status, String title, String detail) {
}
