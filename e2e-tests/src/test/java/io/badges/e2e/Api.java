package io.badges.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The public HTTP API of both services, as a client sees it. */
final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String commandUrl;
    private final String queryUrl;
    private final String key;

    Api(String commandUrl, String queryUrl, String key) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.key = key;
    }

    /** A write and its raw answer, whatever the status. */
    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode write(String path, String body, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    String issuer(String name) throws IOException, InterruptedException {
        return write("/api/v1/issuers", """
                {"name":"%s","url":"https://example.org","email":"badges@example.org"}""".formatted(name), 201)
                .get("id").asText();
    }

    String badgeClass(String issuerId, String name) throws IOException, InterruptedException {
        return write("/api/v1/badge-classes", """
                {"issuerId":"%s","name":"%s","description":"d","criteria":{"narrative":"do it"}}"""
                .formatted(issuerId, name), 201).get("id").asText();
    }

    String award(String badgeClassId, String email) throws IOException, InterruptedException {
        return write("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"%s"}}"""
                .formatted(badgeClassId, email), 201).get("id").asText();
    }

    void revoke(String assertionId, String reason) throws IOException, InterruptedException {
        write("/api/v1/assertions/" + assertionId + "/revoke", "{\"reason\":\"" + reason + "\"}", 200);
    }

    /** The read side's answer, or null while it does not know the id. */
    JsonNode read(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(queryUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A path of the query service asked for as a browser asks (text/html). */
    HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(queryUrl + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode verify(String body, String contentType, String recipient) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(queryUrl + "/api/v1/verify?recipient=" + recipient))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("verify answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(queryUrl + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** PUT /api/v1/badge-classes/{id}/image with the picture as the body. */
    JsonNode uploadImage(String badgeClassId, String mediaType, byte[] image) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(commandUrl + "/api/v1/badge-classes/" + badgeClassId + "/image"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", mediaType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(image)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** POST /api/v1/verify with a baked image as the body. */
    JsonNode verifyImage(byte[] image, String mediaType, String recipient) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(queryUrl + "/api/v1/verify?recipient=" + recipient))
                        .header("Content-Type", mediaType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("verify answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
