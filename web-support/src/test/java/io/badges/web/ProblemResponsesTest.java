package io.badges.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;

class ProblemResponsesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aProblemHasTheTypeTitleStatusDetailAndErrors() {
        ProblemDetail problem = ProblemResponses.withErrors(
                ProblemResponses.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                        "name must not be blank"),
                List.of(new ProblemResponses.FieldError("name", "must not be blank")));

        assertThat(problem.getType()).hasToString("https://badges.example/problems/validation");
        assertThat(problem.getTitle()).isEqualTo("Invalid request");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo("name must not be blank");
        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(new ProblemResponses.FieldError("name", "must not be blank")));
    }

    @Test
    void aFilterWritesProblemJsonWithItsStatusAndHeaders() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "3");
        headers.set(HttpHeaders.CONNECTION, "close");

        ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited", "Too many requests", "retry after 3 s"), headers);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode body = mapper.readTree(response.getContentAsString());
        assertThat(body.get("type").asText()).isEqualTo("https://badges.example/problems/rate-limited");
        assertThat(body.get("title").asText()).isEqualTo("Too many requests");
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("detail").asText()).isEqualTo("retry after 3 s");
    }

    @Test
    void anUnreachableDatabaseIsARetryable503() {
        ResponseEntity<ProblemDetail> answer = ProblemResponses.unexpected(true, "retry later", "not done");

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType()).hasToString("https://badges.example/problems/unavailable");
        assertThat(answer.getBody().getTitle()).isEqualTo("Database unavailable");
        assertThat(answer.getBody().getDetail()).isEqualTo("retry later");
    }

    @Test
    void anythingElseIsA500ThatSaysNothingOfTheCause() {
        ResponseEntity<ProblemDetail> answer = ProblemResponses.unexpected(false, "retry later", "not done");

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsKey("Retry-After")).isFalse();
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType()).hasToString("https://badges.example/problems/internal");
        assertThat(answer.getBody().getTitle()).isEqualTo("Internal error");
        assertThat(answer.getBody().getDetail()).isEqualTo("not done");
    }
}
