package io.badges.events.assertion;

public record Evidence(String url, String narrative) {
}
