package io.badges.query;

import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images for tests, made by the JDK's own PNG writer (an encoder independent of ours). */
public final class TestImages {

    private TestImages() {
    }

    /** A PNG whose pixels depend on {@code seed}: two seeds, two pictures. */
    public static byte[] png(int size, int seed) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                image.setRGB(x, y, (x * 31 + y * 17 + seed) * 0x010203);
            }
        }
        return write(image);
    }

    /** A PNG of random pixels, which do not compress: about 3 bytes a pixel. */
    public static byte[] noise(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(size);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return write(image);
    }

    public static String sha256(byte[] bytes) {
        return new BadgeImages.Image(ImageType.sniff(bytes).orElse(ImageType.PNG), bytes).sha256();
    }

    /** A copy of {@code png} with one more uncompressed iTXt chunk before IEND, however many it has. */
    public static byte[] withText(byte[] png, String keyword, String text) {
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer data = ByteBuffer.allocate(key.length + 5 + value.length);
        data.put(key).put(new byte[5]).put(value);
        byte[] type = "iTXt".getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data.array());
        byte[] chunk = ByteBuffer.allocate(12 + data.capacity()).putInt(data.capacity()).put(type).put(data.array())
                .putInt((int) crc.getValue()).array();
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        out.writeBytes(chunk);
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    private static byte[] write(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
