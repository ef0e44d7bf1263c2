package io.badges.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The structural check of an Open Badges 3.0 {@code OpenBadgeCredential} against our re-statement of
 * 1EdTech's JSON Schema (2019-09, VCDM 2.0 names), {@code ob3/open-badge-credential.schema.json} beside
 * this class: its header says where each rule comes from and why it is not 1EdTech's own file.
 * Date-time formats are asserted, not just annotated.
 */
public final class OpenBadgeCredentialSchema {

    /**
     * One rule broken: {@code at} is the JSON Pointer of the value at fault (for a missing or unexpected
     * property, the pointer of that property; "" is the whole document), {@code keyword} the schema
     * keyword that failed.
     */
    public record Violation(String at, String keyword, String message) {
        @Override
        public String toString() {
            return at + " (" + keyword + "): " + message;
        }
    }

    private static final String RESOURCE = "ob3/open-badge-credential.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private OpenBadgeCredentialSchema() {
    }

    /** What the credential breaks, sorted by place; empty when it passes. */
    public static List<Violation> violations(String credentialJson) {
        try {
            return SCHEMA.validate(JSON.readTree(credentialJson)).stream()
                    .map(OpenBadgeCredentialSchema::violation)
                    .sorted(Comparator.comparing(Violation::at).thenComparing(Violation::keyword))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Violation violation(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        if (message.getProperty() != null
                && ("required".equals(message.getType()) || "additionalProperties".equals(message.getType()))) {
            at = at + "/" + message.getProperty();
        }
        return new Violation(at, message.getType(), message.getMessage());
    }

    private static JsonSchema load() {
        try (InputStream in = OpenBadgeCredentialSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ROOT)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
