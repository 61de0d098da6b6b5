package io.tiffin.nlu.eval;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders read on the project's own test menus ({@code src/test/resources/nlu/*.json}), each line
 * written {@code count item(group=option ...)}, a note after it; lines in any order, as the public
 * menus' trees are compared (sibling order ignored).
 */
final class OwnMenuLines {

    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();

    private OwnMenuLines() {}

    /** The menu of a test resource, e.g. {@code nlu/counter-menu.json}. */
    static MenuSnapshot menu(String resource) {
        try (InputStream in = OwnMenuLines.class.getClassLoader().getResourceAsStream(resource)) {
            Menu menu = JsonMapper.builder().build().readValue(in, Menu.class);
            return new MenuSnapshot(resource, 1, Instant.EPOCH, menu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines the parser reads, sorted. */
    static String read(MenuSnapshot menu, String utterance) {
        return PARSER.parse(utterance, menu).lines().stream()
                .map(OwnMenuLines::describe)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    /** Expected lines, sorted as {@link #read} sorts them. */
    static String sorted(String lines) {
        return Arrays.stream(lines.split(", ")).sorted().collect(Collectors.joining(", "));
    }

    static String describe(Line line) {
        String options =
                line.options().stream().map(OwnMenuLines::option).sorted().collect(Collectors.joining(" "));
        return line.quantity() + " " + line.itemId() + (options.isEmpty() ? "" : "(" + options + ")")
                + (line.notes() == null ? "" : " note=" + line.notes());
    }

    private static String option(ChosenOption o) {
        return o.groupId() + "="
                + (o.qualifier() == null ? "" : o.qualifier().name().toLowerCase(Locale.ROOT) + " ") + o.optionId();
    }
}
