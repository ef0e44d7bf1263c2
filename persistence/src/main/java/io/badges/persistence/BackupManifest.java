package io.badges.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The {@code manifest.properties} of a backup directory: what a restore needs to know about it. */
public final class BackupManifest {

    private static final String FILE = "manifest.properties";

    private final Properties properties;

    private BackupManifest(Properties properties) {
        this.properties = properties;
    }

    public static BackupManifest of(String vendor) {
        BackupManifest manifest = new BackupManifest(new Properties());
        manifest.set("vendor", vendor);
        return manifest;
    }

    public static BackupManifest read(Path dir) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(FILE))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no backup manifest in " + dir, e);
        }
        return new BackupManifest(properties);
    }

    public void write(Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
            properties.store(out, "open badges backup");
        }
    }

    public void set(String name, String value) {
        properties.setProperty(name, value);
    }

    public String get(String name) {
        return properties.getProperty(name);
    }

    public java.util.Set<String> names() {
        return properties.stringPropertyNames();
    }

    /** The sides (command, query) whose tables the backup holds; empty for a file copy. */
    public List<Side> sides() {
        return Arrays.stream(properties.getProperty("sides", "").split(",")).filter(x -> !x.isEmpty())
                .map(x -> Side.valueOf(x.toUpperCase(Locale.ROOT))).toList();
    }
}
