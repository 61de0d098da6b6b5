package io.tiffin.channel.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared provider fixtures, read in place beside the project so their signed bytes stay exact. */
final class Fixtures {

    static final Path ROOT = Path.of("../shared/fixtures");
    static final Path WHATSAPP = ROOT.resolve("whatsapp");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {}

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] whatsapp(String name) {
        return bytes(WHATSAPP.resolve(name));
    }

    static JsonNode whatsappJson(String name) {
        return JSON.readTree(whatsapp(name));
    }

    static JsonNode json(Path file) {
        return JSON.readTree(bytes(file));
    }
}
