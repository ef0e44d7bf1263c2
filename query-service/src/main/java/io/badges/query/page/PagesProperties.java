package io.badges.query.page;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the pages (docs/configuration.md). {@code cacheSize}: how many bytes of rendered pages
 * this instance keeps; 0 renders every request.
 */
@Validated
@ConfigurationProperties("badges.pages")
public record PagesProperties(@NotNull @DefaultValue("16MB") DataSize cacheSize) {
}
