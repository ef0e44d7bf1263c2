package io.badges.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images for tests: pictures made by the JDK's own PNG writer (an independent encoder), and hostile ones. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int size) {
        return png(size, 0);
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

    /** Hex SHA-256 of the bytes, as an ETag or an event digest carries it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    public static byte[] svg(String inside) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">" + inside + "</svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gif() {
        return "GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A PNG whose last chunk (IEND) has a wrong CRC. */
    public static byte[] pngWithBadCrc() {
        byte[] png = png(8);
        png[png.length - 1] ^= 0x01;
        return png;
    }

    /** The PNG signature followed by {@code size} zero bytes: too large before anything else is wrong. */
    public static byte[] oversized(int size) {
        byte[] bytes = new byte[size + 8];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, bytes, 0, 8);
        return bytes;
    }

    /** An SVG that would read a local file through an external entity. */
    public static byte[] xxeSvg() {
        return ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>").getBytes(StandardCharsets.UTF_8);
    }

    /** Ten levels of entities, each ten of the one below: 10^9 "lol"s if expanded. */
    public static byte[] billionLaughsSvg() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE svg [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return (doctype + "]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lol9;</text></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
