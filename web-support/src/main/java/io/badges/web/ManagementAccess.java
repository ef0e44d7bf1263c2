package io.badges.web;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read the management endpoints beyond the health status (health details, info, metrics):
 * a caller presenting {@code Authorization: Bearer <key>}, and, when {@code allowLocal}, a caller on
 * this machine that did not come through a proxy. See {@link ManagementAccessFilter}.
 *
 * @param key        {@code BADGES_MANAGEMENT_KEY}; unset: no key opens them
 * @param allowLocal loopback callers without {@code X-Forwarded-For}/{@code Forwarded} may read them
 */
@Validated
@ConfigurationProperties("badges.management")
public record ManagementAccess(
        @Size(min = 16, message = "must be at least 16 characters") String key,
        @DefaultValue("true") boolean allowLocal) {

    public ManagementAccess {
        key = key == null || key.isBlank() ? null : key.trim();
    }
}
