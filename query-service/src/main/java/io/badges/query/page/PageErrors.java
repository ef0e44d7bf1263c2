package io.badges.query.page;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused page (unknown id, bad input) answers a page too, with the status the API would give:
 * a browser shows it, where problem+json would be a download. Only for the page controllers, and
 * before the service-wide problem+json advice.
 */
@ControllerAdvice(assignableTypes = {DocumentPageController.class, VerifyPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final Templates templates;

    PageErrors(Templates templates) {
        this.templates = templates;
    }

    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<byte[]> refused(ErrorResponseException refused) {
        int status = refused.getStatusCode().value();
        String title = status == 404 ? "Not found" : refused.getBody().getTitle();
        String detail = status == 404 ? "There is nothing at this address: the link may be mistyped, or what it "
                + "names was never published here." : refused.getBody().getDetail();
        ErrorPage page = new ErrorPage(Head.of(title + " · Open Badges", null), status, title, detail);
        return PageResponses.html(new Rendered(status, templates.render("error.jte", page)));
    }
}
