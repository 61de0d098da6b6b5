package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * "how much is the paneer tikka?" ... "ok add 2": after an answer about one dish (shown with a
 * button to add it), a message that orders without naming a dish orders that one. The dish is
 * read from the buttons of the last replies, so it needs no memory of its own; the message is read
 * again with the dish's name after it, so its count and choices are read as they would be with it.
 */
final class OfferedDish {

    /** What a message naming no dish is when it orders the dish offered: never a question, "menu" or "ok". */
    private static final Set<Intent> ORDERS =
            Set.of(Intent.ORDER, Intent.ADD, Intent.SET_QUANTITY, Intent.CHANGE, Intent.OTHER);

    private OfferedDish() {}

    /** The lines the message orders of the dish offered, or empty when it is no such order. */
    static Optional<ParseResult> ordered(
            List<OutboundMessage> lastReplies,
            Menu menu,
            String text,
            ParseResult parsed,
            Function<String, ParseResult> parse) {
        if (!parsed.lines().isEmpty()
                || !ORDERS.contains(parsed.intent())
                || parsed.edit() != null && !parsed.edit().target().isPronoun()) {
            return Optional.empty();
        }
        Optional<Menu.Item> offered = offered(lastReplies).flatMap(menu::item);
        if (offered.isEmpty()
                // "add one large": what the words alone might be, the dish offered among them
                || parsed.unresolved().stream()
                        .anyMatch(u -> !u.candidates().contains(offered.get().id()))) {
            return Optional.empty();
        }
        ParseResult with = parse.apply(text + " " + offered.get().name());
        boolean onlyThat = !with.lines().isEmpty()
                && with.unresolved().isEmpty()
                && with.lines().stream()
                        .allMatch(l -> l.itemId().equals(offered.get().id()));
        return onlyThat
                ? Optional.of(new ParseResult(Intent.ORDER, with.lines(), List.of(), with.confidence()))
                : Optional.empty();
    }

    /** The one dish the last replies offer to add as it is (no choice made on it), if exactly one. */
    static Optional<String> offered(List<OutboundMessage> lastReplies) {
        List<String> ids = lastReplies.stream()
                .flatMap(OfferedDish::choices)
                .map(OutboundMessage.Choice::id)
                .filter(id -> id != null && id.startsWith(Replies.ITEM_PREFIX))
                .map(id -> id.substring(Replies.ITEM_PREFIX.length()).split(":"))
                .filter(parts -> parts.length == 2)
                .map(parts -> parts[0])
                .distinct()
                .toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    private static Stream<OutboundMessage.Choice> choices(OutboundMessage message) {
        Stream<OutboundMessage.Choice> buttons =
                message.buttons() == null ? Stream.empty() : message.buttons().stream();
        Stream<OutboundMessage.Choice> rows =
                message.list() == null || message.list().sections() == null
                        ? Stream.empty()
                        : message.list().sections().stream().flatMap(s -> s.rows().stream());
        return Stream.concat(buttons, rows);
    }
}
