package io.tiffin.conversation.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.nlu.ParseResult;
import io.tiffin.ordering.LineRequest;
import io.tiffin.ordering.LineRequest.OptionRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A correction of one cart line ("make it 3", "3 instead of 2", "make the biryani large"): which
 * line and what it becomes. The parser reads such messages as orders of nothing (or of the item
 * named), so the rule is ours: a correction phrase, then a count for the quantity and/or an option
 * of a one-choice group (a size) said in the message. The line is the last one of an item the
 * message names, else the last one offering the option said, else the last line.
 */
record Correction(int index, LineRequest line) {

    static Optional<Correction> of(String text, ParseResult parsed, List<LineRequest> cart, Menu menu, EditPhrases phrases) {
        if (cart.isEmpty() || menu == null || !phrases.isCorrection(text)) {
            return Optional.empty();
        }
        String words = EditPhrases.normalize(text);
        int index = target(cart, namedItems(parsed), menu, words);
        if (index < 0) {
            return Optional.empty();
        }
        LineRequest line = cart.get(index);
        List<OptionRequest> options = menu.item(line.itemId()).map(item -> withChoices(line.options(), item, words))
                .orElse(line.options());
        int quantity = phrases.quantity(text).orElse(line.quantity());
        if (quantity == line.quantity() && options.equals(line.options())) {
            return Optional.empty();
        }
        return Optional.of(new Correction(index, new LineRequest(line.itemId(), quantity, options, line.notes())));
    }

    /** Items the message names: its lines, and the candidates of a name several items fit ("biryani"). */
    private static Set<String> namedItems(ParseResult parsed) {
        Set<String> named = new HashSet<>();
        parsed.lines().forEach(l -> named.add(l.itemId()));
        parsed.unresolved().stream().filter(u -> u.reason() == ParseResult.Reason.AMBIGUOUS
                || u.reason() == ParseResult.Reason.MISSING_CHOICE).forEach(u -> named.addAll(u.candidates()));
        return named;
    }

    private static int target(List<LineRequest> cart, Set<String> named, Menu menu, String words) {
        if (!named.isEmpty()) {
            // a named item not in the cart is no correction of it; the caller handles it as an order
            return lastIndex(cart, l -> named.contains(l.itemId()));
        }
        int offering = lastIndex(cart, l -> menu.item(l.itemId())
                .map(item -> !withChoices(l.options(), item, words).equals(l.options())).orElse(false));
        return offering >= 0 ? offering : cart.size() - 1;
    }

    private static int lastIndex(List<LineRequest> cart, java.util.function.Predicate<LineRequest> test) {
        for (int i = cart.size() - 1; i >= 0; i--) {
            if (test.test(cart.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The options with every one-choice group whose option the message says switched to it. */
    static List<OptionRequest> withChoices(List<OptionRequest> options, Menu.Item item, String words) {
        List<OptionRequest> result = new ArrayList<>(options);
        for (Menu.OptionGroup group : item.optionGroups()) {
            if (!group.isSingleChoice()) {
                continue;
            }
            Optional<Menu.Option> said = said(group, words);
            if (said.isPresent()) {
                result.removeIf(o -> o.groupId().equals(group.id()));
                result.add(new OptionRequest(group.id(), said.get().id(), null));
            }
        }
        return result;
    }

    /** The option of the group the words say: the longest name or alias, else a first word only one option has. */
    private static Optional<Menu.Option> said(Menu.OptionGroup group, String words) {
        Menu.Option best = null;
        int bestLength = 0;
        for (Menu.Option option : group.options()) {
            List<String> names = new ArrayList<>(option.aliases());
            names.add(option.name());
            for (String name : names) {
                String n = EditPhrases.normalize(name);
                if (n.length() > bestLength && words.contains(n)) {
                    best = option;
                    bestLength = n.length();
                }
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        List<Menu.Option> byFirstWord = group.options().stream()
                .filter(o -> words.contains(" " + firstWord(o.name()) + " ")).toList();
        return byFirstWord.size() == 1
                && group.options().stream().filter(o -> firstWord(o.name()).equals(firstWord(byFirstWord.get(0).name()))).count() == 1
                ? Optional.of(byFirstWord.get(0)) : Optional.empty();
    }

    private static String firstWord(String name) {
        return EditPhrases.normalize(name).strip().split(" ")[0].toLowerCase(Locale.ROOT);
    }
}
