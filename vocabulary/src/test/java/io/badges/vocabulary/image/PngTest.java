package io.badges.vocabulary.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badges.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {

    private final byte[] png = TestImages.png(16);

    @Test
    void bakesOneUncompressedItxtChunkJustBeforeIend() {
        byte[] baked = Png.bake(png, "openbadges", "{\"id\":\"x\"}");

        List<Png.Chunk> chunks = Png.chunks(baked);
        assertThat(chunks.get(chunks.size() - 1).type()).isEqualTo("IEND");
        Png.Chunk text = chunks.get(chunks.size() - 2);
        assertThat(text.type()).isEqualTo("iTXt");
        byte[] data = Arrays.copyOfRange(baked, text.offset(), text.offset() + text.length());
        // keyword, NUL, compression flag 0, method 0, empty language and translated keyword, then the text
        assertThat(new String(data, StandardCharsets.ISO_8859_1)).isEqualTo("openbadges\0\0\0\0\0{\"id\":\"x\"}");
        assertThat(Png.texts(baked, "openbadges")).containsExactly("{\"id\":\"x\"}");
    }

    @Test
    void aBakedPngIsStillAPictureForAnIndependentDecoder() throws Exception {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Png.bake(png, "openbadges", "é ünïcode")));

        assertThat(decoded.getWidth()).isEqualTo(16);
        assertThat(Png.texts(Png.bake(png, "openbadges", "é ünïcode"), "openbadges")).containsExactly("é ünïcode");
    }

    @Test
    void refusesToBakeTwice() {
        byte[] baked = Png.bake(png, "openbadges", "a");

        assertThatThrownBy(() -> Png.bake(baked, "openbadges", "b")).isInstanceOf(BadImage.class)
                .hasMessageContaining("already holds");
    }

    @Test
    void aWrongCrcIsRefusedWithTheChunkNamed() {
        assertThatThrownBy(() -> Png.chunks(TestImages.pngWithBadCrc())).isInstanceOf(BadImage.class)
                .hasMessageContaining("CRC of the IEND chunk");
    }

    @Test
    void aTruncatedFileOrTrailingBytesAreRefused() {
        assertThatThrownBy(() -> Png.chunks(Arrays.copyOf(png, png.length - 6))).isInstanceOf(BadImage.class);
        assertThatThrownBy(() -> Png.chunks(Arrays.copyOf(png, png.length + 3))).isInstanceOf(BadImage.class);
        assertThatThrownBy(() -> Png.chunks(Arrays.copyOf(png, 8))).isInstanceOf(BadImage.class)
                .hasMessageContaining("IHDR");
    }

    @Test
    void aHugeChunkLengthDoesNotReadPastTheFile() {
        byte[] broken = png.clone();
        broken[8] = 0x7f;  // IHDR length 0x7f00000d

        assertThatThrownBy(() -> Png.chunks(broken)).isInstanceOf(BadImage.class)
                .hasMessageContaining("claims more bytes");
    }
}
