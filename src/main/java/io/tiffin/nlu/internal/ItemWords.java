package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.ParseResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Some words of an edit read as said of one item already in the cart: "hold the onions and
 * peppers" of a pizza, "spicy" of a curry. They are read by the order parser against a menu of that
 * item alone, so "without onion" can only be the pizza's onion and a word the item has no option
 * for stays the customer's note for the kitchen.
 */
public final class ItemWords {

    private ItemWords() {}

    /** Built on first use: most conversations never need it. */
    private static final class Reader {
        static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    }

    public static Optional<ParseResult.Line> read(Menu.Item item, List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Menu alone = new Menu("XXX", List.of(new Menu.Category("", List.of(item))));
        // keyed by the item, so the parser's index of it is reused while the item is the same
        MenuSnapshot snapshot = new MenuSnapshot("item:" + item.id(), 0, Instant.EPOCH, alone);
        ParseResult read = Reader.PARSER.parse(item.name() + " " + String.join(" ", words), snapshot);
        if (read.lines().size() != 1 || !read.unresolved().isEmpty()) {
            return Optional.empty();
        }
        ParseResult.Line line = read.lines().get(0);
        if (line.options().isEmpty() && line.declined().isEmpty() && line.notes() != null) {
            // a note only: the customer's own words, never a typo reading of them against a
            // one-item menu ("no onions" of a biryani is not "no options")
            line = new ParseResult.Line(line.itemId(), line.quantity(), List.of(), String.join(" ", words), List.of());
        }
        boolean saysSomething = !line.options().isEmpty() || !line.declined().isEmpty() || line.notes() != null;
        return saysSomething ? Optional.of(line) : Optional.empty();
    }
}
