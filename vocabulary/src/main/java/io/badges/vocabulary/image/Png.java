package io.badges.vocabulary.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * PNG as far as badges need it: a structural check (signature, chunk lengths, every chunk's CRC,
 * IHDR first, IEND last and nothing after it), and the {@code iTXt} text chunks that carry baked
 * badge data. Pixels are never decoded.
 */
public final class Png {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int MAX_TEXT_BYTES = 1 << 20;

    private Png() {
    }

    /** One chunk: its type and where its data lies in the file. */
    record Chunk(String type, int offset, int length) {

        int end() {
            return offset + length + 4;
        }
    }

    static boolean hasSignature(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /** Every chunk, in order, after checking the whole file's structure. */
    static List<Chunk> chunks(byte[] png) {
        if (!hasSignature(png)) {
            throw new BadImage("not a PNG: the PNG signature is missing");
        }
        List<Chunk> chunks = new ArrayList<>();
        int at = SIGNATURE.length;
        while (at < png.length) {
            if (png.length - at < 12) {
                throw new BadImage("malformed PNG: a chunk is cut short at byte " + at);
            }
            long length = ByteBuffer.wrap(png, at, 4).getInt() & 0xffffffffL;
            if (length > png.length - at - 12L) {
                throw new BadImage("malformed PNG: a chunk at byte " + at + " claims more bytes than the file has");
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new BadImage("malformed PNG: a chunk at byte " + at + " has no valid type");
            }
            Chunk chunk = new Chunk(type, at + 8, (int) length);
            CRC32 crc = new CRC32();
            crc.update(png, at + 4, 4 + chunk.length());
            long stored = ByteBuffer.wrap(png, chunk.offset() + chunk.length(), 4).getInt() & 0xffffffffL;
            if (crc.getValue() != stored) {
                throw new BadImage("malformed PNG: the CRC of the " + type + " chunk at byte " + at + " is wrong");
            }
            chunks.add(chunk);
            at = chunk.end();
            if (type.equals("IEND")) {
                break;
            }
        }
        if (chunks.isEmpty() || !chunks.get(0).type().equals("IHDR")) {
            throw new BadImage("malformed PNG: it does not start with an IHDR chunk");
        }
        if (!chunks.get(chunks.size() - 1).type().equals("IEND") || at != png.length) {
            throw new BadImage("malformed PNG: it does not end with an IEND chunk");
        }
        return chunks;
    }

    /** The texts of the {@code iTXt} chunks with this keyword (normally none or one). */
    static List<String> texts(byte[] png, String keyword) {
        List<String> texts = new ArrayList<>();
        for (Chunk chunk : chunks(png)) {
            if (chunk.type().equals("iTXt")) {
                readText(png, chunk, keyword).ifPresent(texts::add);
            }
        }
        return texts;
    }

    /** A copy of {@code png} with one uncompressed {@code iTXt} chunk before IEND, as the baking spec says. */
    static byte[] bake(byte[] png, String keyword, String text) {
        List<Chunk> chunks = chunks(png);
        for (Chunk chunk : chunks) {
            if (chunk.type().equals("iTXt") && readText(png, chunk, keyword).isPresent()) {
                throw new BadImage("the image already holds " + keyword + " data");
            }
        }
        Chunk end = chunks.get(chunks.size() - 1);
        int iendStart = end.offset() - 8;
        byte[] chunk = iTXt(keyword, text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + chunk.length);
        out.write(png, 0, iendStart);
        out.writeBytes(chunk);
        out.write(png, iendStart, png.length - iendStart);
        return out.toByteArray();
    }

    private static byte[] iTXt(String keyword, String text) {
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        // keyword NUL, compression flag 0, method 0, empty language NUL, empty translated keyword NUL, text
        ByteBuffer data = ByteBuffer.allocate(key.length + 5 + value.length);
        data.put(key).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put(value);
        byte[] type = "iTXt".getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data.array());
        return ByteBuffer.allocate(12 + data.capacity()).putInt(data.capacity()).put(type).put(data.array())
                .putInt((int) crc.getValue()).array();
    }

    private static java.util.Optional<String> readText(byte[] png, Chunk chunk, String keyword) {
        int at = chunk.offset();
        int end = at + chunk.length();
        int nul = indexOf(png, at, end);
        if (nul < 0 || !new String(png, at, nul - at, StandardCharsets.ISO_8859_1).equals(keyword)) {
            return java.util.Optional.empty();
        }
        if (nul + 3 > end) {
            throw new BadImage("malformed PNG: the " + keyword + " iTXt chunk is cut short");
        }
        boolean compressed = png[nul + 1] != 0;
        int language = indexOf(png, nul + 3, end);
        int translated = language < 0 ? -1 : indexOf(png, language + 1, end);
        if (translated < 0) {
            throw new BadImage("malformed PNG: the " + keyword + " iTXt chunk is cut short");
        }
        byte[] text = Arrays.copyOfRange(png, translated + 1, end);
        return java.util.Optional.of(new String(compressed ? inflate(text) : text, StandardCharsets.UTF_8));
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new BadImage("malformed PNG: a compressed iTXt chunk is cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_TEXT_BYTES) {
                    throw new BadImage("the baked text is larger than " + MAX_TEXT_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new BadImage("malformed PNG: a compressed iTXt chunk does not inflate");
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
