package io.badges.query.page;

/** The landing page: what this service is, the verify form, and where the API is described. */
public record LandingPage(Head head, VerifyForm form, String apiDocs, String openApi) {
}
