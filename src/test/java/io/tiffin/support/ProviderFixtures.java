package io.tiffin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared provider fixtures, read in place beside the project so their signed bytes stay exact. */
public final class ProviderFixtures {

    public static final Path ROOT = Path.of("../shared/fixtures");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProviderFixtures() {}

    public static byte[] bytes(String folder, String name) {
        try {
            return Files.readAllBytes(ROOT.resolve(folder).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String folder, String name) {
        return new String(bytes(folder, name), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static JsonNode json(String folder, String name) {
        return JSON.readTree(bytes(folder, name));
    }

    /** Every file of a folder whose name starts so, sorted. */
    public static java.util.List<String> names(String folder, String prefix) {
        try (var files = Files.list(ROOT.resolve(folder))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
