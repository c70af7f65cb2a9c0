package jp.keitai.sns.carrier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The carrier files as text: the shipped ones on the class path, replaced or joined by the {@code .conf} files of an
 * operator's directory. A file on disk is read again only when its time or size changed.
 */
final class CarrierSources {

    private CarrierSources() {}

    /** One file's text, where it came from, and what it looked like on disk (the epoch for shipped files). */
    record Loaded(String name, String origin, FileTime modified, long size, String text) {
        boolean shipped() {
            return origin.startsWith("classpath:");
        }
    }

    /**
     * Every file in force, by name: the shipped {@code names}, then the directory's files in name order.
     *
     * @param before the files of the last look, so unchanged files are not read again
     * @param problem told when the directory cannot be listed (the shipped files are returned)
     */
    static Map<String, Loaded> readAll(
            List<String> names, Optional<Path> dir, Map<String, Loaded> before, Consumer<String> problem) {
        Map<String, Loaded> found = new LinkedHashMap<>();
        for (String name : names) {
            found.put(name, bundled(name));
        }
        if (dir.isPresent()) {
            try (Stream<Path> list = Files.list(dir.get())) {
                for (Path p : list.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".conf") && Files.isRegularFile(p)) {
                        found.put(name, onDisk(p, before.get(name)));
                    }
                }
            } catch (IOException e) {
                problem.accept(dir.get() + ": cannot list: " + e.getMessage());
            }
        }
        return found;
    }

    static Loaded bundled(String name) {
        Loaded l = bundledOrNull(name);
        if (l == null) {
            throw new IllegalStateException("carrier-config/" + name + " missing from the class path");
        }
        return l;
    }

    static Loaded bundledOrNull(String name) {
        try (InputStream in = CarrierSources.class.getClassLoader().getResourceAsStream("carrier-config/" + name)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Loaded(name, "classpath:carrier-config/" + name, FileTime.fromMillis(0), text.length(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Loaded onDisk(Path p, Loaded before) {
        try {
            FileTime modified = Files.getLastModifiedTime(p);
            long size = Files.size(p);
            if (before != null && before.modified().equals(modified) && before.size() == size) {
                return before;
            }
            return new Loaded(
                    p.getFileName().toString(),
                    p.toString(),
                    modified,
                    size,
                    new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
