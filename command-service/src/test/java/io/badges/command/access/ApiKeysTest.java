package io.badges.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badges.testsupport.TestSqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void acceptsOnlyConfiguredKeysAndNamesTheClientByDigest() {
        ApiKeys keys = ApiKeys.of(List.of("alpha", "beta"));

        assertThat(keys.clientOf("alpha")).isPresent();
        assertThat(keys.clientOf("beta")).isPresent().isNotEqualTo(keys.clientOf("alpha"));
        assertThat(keys.clientOf("alpha").orElseThrow()).doesNotContain("alpha").hasSize(64);
        assertThat(keys.clientOf("gamma")).isEmpty();
        assertThat(keys.clientOf("")).isEmpty();
        assertThat(keys.clientOf(null)).isEmpty();
    }

    @Test
    void embeddedDefaultGeneratesOneKeyOnceAndKeepsItPrivate() throws Exception {
        Path dataDir = TestSqlite.newDirectory("api-keys");

        ApiKeys.resolve(List.of(), true, dataDir);
        Path file = dataDir.resolve(ApiKeys.KEY_FILE);
        String key = Files.readString(file).trim();
        ApiKeys again = ApiKeys.resolve(List.of(), true, dataDir);

        assertThat(key).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Files.readString(file).trim()).isEqualTo(key);
        assertThat(again.clientOf(key)).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theGeneratedKeyIsPrintedOnTheStartThatGeneratesItOnly() {
        Path dataDir = TestSqlite.newDirectory("api-key-print");
        List<String> printed = new java.util.ArrayList<>();

        ApiKeys.resolve(List.of(), true, dataDir, printed::add);
        ApiKeys.resolve(List.of(), true, dataDir, printed::add);
        ApiKeys.resolve(List.of(), true, dataDir, printed::add);

        assertThat(printed).hasSize(1);
        assertThat(printed.get(0)).contains(ApiKeys.KEY_FILE);
    }

    @Test
    void postgresModeRequiresConfiguredKeys() {
        assertThatThrownBy(() -> ApiKeys.resolve(List.of(), false, TestSqlite.newDirectory("no-keys")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BADGES_API_KEYS");
    }
}
