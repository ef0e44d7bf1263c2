package io.badges.query.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * The env form of the verifier's URL map: {@code BADGES_VERIFIER_URL_MAP="https://a/=file:/x/;http://a/=file:/x/"}.
 * (The property form, {@code badges.verifier.url-map[<prefix>]=<target>}, binds as a map directly.)
 */
@Component
@ConfigurationPropertiesBinding
class UrlMapConverter implements Converter<String, Map<String, String>> {

    @Override
    public Map<String, String> convert(String source) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : source.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int split = entry.indexOf('=');
            if (split <= 0) {
                throw new IllegalArgumentException("URL map entries are <prefix>=<target>, separated by ';'");
            }
            map.put(entry.substring(0, split).trim(), entry.substring(split + 1).trim());
        }
        return map;
    }
}
