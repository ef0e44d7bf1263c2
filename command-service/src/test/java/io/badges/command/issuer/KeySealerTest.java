package io.badges.command.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badges.testsupport.TestSqlite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeySealerTest {

    private static final byte[] SECRET = "private key bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsWithAFreshNonceAndOpensWhatItSealed() {
        KeySealer sealer = new KeySealer(new byte[32]);

        String once = sealer.seal(SECRET);
        String twice = sealer.seal(SECRET);

        assertThat(once).isNotEqualTo(twice);
        assertThat(sealer.open(once)).isEqualTo(SECRET);
        assertThat(sealer.open(twice)).isEqualTo(SECRET);
    }

    @Test
    void refusesTamperedOrForeignSeals() {
        KeySealer sealer = new KeySealer(new byte[32]);
        byte[] sealed = Base64.getDecoder().decode(sealer.seal(SECRET));
        sealed[sealed.length - 1] ^= 1;
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThatThrownBy(() -> sealer.open(Base64.getEncoder().encodeToString(sealed)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KeySealer(otherKey).open(sealer.seal(SECRET)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void usesTheConfiguredKeyOrOneGeneratedOnceIntoTheDataDirectory() {
        Path dataDir = TestSqlite.newDirectory("sealer");
        String sealed = KeySealer.resolve(null, dataDir).seal(SECRET);

        assertThat(KeySealer.resolve("", dataDir).open(sealed)).isEqualTo(SECRET);
        assertThat(dataDir.resolve("key-encryption-key")).exists();
        assertThatThrownBy(() -> KeySealer.resolve(Base64.getEncoder().encodeToString(new byte[16]), dataDir))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
