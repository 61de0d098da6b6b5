package io.tiffin.conversation.internal;

import io.tiffin.catalog.MenuSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeScratchUnitTest {
    @Test
    void probe() throws Exception {
        MenuSnapshot menu = new MenuSnapshot("m1", 1, Instant.parse("2026-01-01T00:00:00Z"), Chat.DEMO);
        StringBuilder out = new StringBuilder();
        for (String s : Files.readAllLines(Path.of("/tmp/chat-probe.txt"))) {
            out.append(s).append("\n  ").append(Chat.PARSER.parse(s, menu)).append('\n');
        }
        Files.writeString(Path.of("/tmp/chat-probe.out"), out);
    }
}
