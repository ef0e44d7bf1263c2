package io.badges.query.access;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the reads that are not for everyone (docs/configuration.md).
 *
 * @param apiKeys                      the write API keys ({@code BADGES_API_KEYS}, as on the command side);
 *                                     unset in a single-process deployment: the key the command service
 *                                     generated into the data directory
 * @param readApiKeys                  keys that may only read ({@code BADGES_READ_API_KEYS})
 * @param recipientLookupRequiresKey   {@code GET /api/v1/assertions?recipient=} answers only a caller with
 *                                     one of these keys (off by default: api.md lists the lookup as public)
 */
@Validated
@ConfigurationProperties("badges.read-access")
public record ReadAccess(
        @NotNull @DefaultValue List<String> apiKeys,
        @NotNull @DefaultValue List<String> readApiKeys,
        @DefaultValue("false") boolean recipientLookupRequiresKey) {

    public ReadAccess {
        apiKeys = trimmed(apiKeys);
        readApiKeys = trimmed(readApiKeys);
    }

    private static List<String> trimmed(List<String> keys) {
        return keys.stream().map(String::trim).filter(key -> !key.isEmpty()).toList();
    }
}
