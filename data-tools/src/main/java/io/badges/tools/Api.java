package io.badges.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The write API calls the benchmark tools share. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    /** POSTs JSON with the API key; the answer's JSON, or an exception unless it is 2xx. */
    static JsonNode post(HttpClient http, String url, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A new issuer with one badge class; the badge class id. */
    static String badgeClass(HttpClient http, String command, String key, String name) throws Exception {
        String issuer = post(http, command + "/api/v1/issuers", key, "{\"name\":\"" + name
                + "\",\"url\":\"https://example.org\",\"email\":\"b@example.org\"}").get("id").asText();
        return post(http, command + "/api/v1/badge-classes", key, "{\"issuerId\":\"" + issuer + "\",\"name\":\""
                + name + "\",\"description\":\"d\",\"criteria\":{\"narrative\":\"n\"}}").get("id").asText();
    }
}
