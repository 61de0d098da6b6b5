package io.tiffin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chat pilot's conversations ({@code conversation/pilot-two.chat}) as a browser plays them: each
 * customer message with what must be said after it, what must not, the cart it leaves and the order
 * it places. The same file drives {@code PilotConversationsUnitTest}, so the page is held to the
 * expectations the dialog is held to.
 */
record PilotScript(Map<String, List<PilotScript.Turn>> conversations) {

    /**
     * One message and its checks; {@code cart} is null when not checked, empty when the cart must be
     * empty, else entries such as {@code "2 paneer-tikka"} (options and notes left out).
     */
    record Turn(String message, List<String> says, List<String> never, List<String> cart, List<String> order) {}

    static PilotScript read(String resource) {
        Map<String, List<Turn>> conversations = new LinkedHashMap<>();
        List<Turn> turns = null;
        for (String line : text(resource).split("\n")) {
            if (line.startsWith("## ")) {
                turns = new ArrayList<>();
                conversations.put(line.substring(3).strip(), turns);
            } else if (line.startsWith("> ")) {
                turns.add(new Turn(line.substring(2).strip(), new ArrayList<>(), new ArrayList<>(), null, null));
            } else if (line.startsWith("says:")) {
                turns.getLast().says().addAll(parts(line.substring(5)));
            } else if (line.startsWith("never:")) {
                turns.getLast().never().addAll(parts(line.substring(6)));
            } else if (line.startsWith("cart:")) {
                Turn last = turns.removeLast();
                turns.add(new Turn(last.message(), last.says(), last.never(), entries(line.substring(5)), null));
            } else if (line.startsWith("order:")) {
                Turn last = turns.removeLast();
                turns.add(new Turn(last.message(), last.says(), last.never(), last.cart(), entries(line.substring(6))));
            }
        }
        return new PilotScript(conversations);
    }

    List<Turn> conversation(String title) {
        List<Turn> turns = conversations.get(title);
        if (turns == null) {
            throw new IllegalArgumentException("no conversation titled " + title);
        }
        return turns;
    }

    /** "2 chicken-biryani(size=large addons=raita), 1 butter-chicken \"note\"" → "2 chicken-biryani", ... */
    private static List<String> entries(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return Stream.of(text.strip().split(",\\s*(?=\\d)"))
                .map(e -> e.strip().replaceFirst("^(\\d+ [a-z0-9-]+).*$", "$1"))
                .toList();
    }

    private static List<String> parts(String text) {
        return Stream.of(text.split("\\|")).map(String::strip).toList();
    }

    private static String text(String resource) {
        try (InputStream in = PilotScript.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
