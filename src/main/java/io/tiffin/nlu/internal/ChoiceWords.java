package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.nlu.ParseResult.ChosenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-choice options (a size, a portion, a spice level) some words say for one item: "large"
 * in "make the biryani large". Read here rather than by the conversation because it is reading
 * language: the option's name or alias, else a first word only one option of the group has.
 */
public final class ChoiceWords {

    private static final TextNormalizer NORMALIZER = new TextNormalizer(Map.of());

    private ChoiceWords() {}

    public static List<ChosenOption> said(Menu.Item item, List<String> words) {
        String text = " " + String.join(" ", words) + " ";
        List<ChosenOption> chosen = new ArrayList<>();
        for (Menu.OptionGroup group : item.optionGroups()) {
            if (group.isSingleChoice()) {
                said(group, text).ifPresent(o -> chosen.add(new ChosenOption(group.id(), o.id(), null)));
            }
        }
        return chosen;
    }

    private static Optional<Menu.Option> said(Menu.OptionGroup group, String text) {
        Menu.Option best = null;
        int bestLength = 0;
        for (Menu.Option option : group.options()) {
            List<String> names = new ArrayList<>(option.aliases());
            names.add(option.name());
            for (String name : names) {
                String n = " " + String.join(" ", NORMALIZER.tokens(name)) + " ";
                if (n.length() > bestLength && n.length() > 2 && text.contains(n)) {
                    best = option;
                    bestLength = n.length();
                }
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        List<Menu.Option> byFirstWord = group.options().stream()
                .filter(o -> text.contains(" " + firstWord(o) + " "))
                .toList();
        return byFirstWord.size() == 1
                        && group.options().stream()
                                        .filter(o -> firstWord(o).equals(firstWord(byFirstWord.get(0))))
                                        .count()
                                == 1
                ? Optional.of(byFirstWord.get(0))
                : Optional.empty();
    }

    private static String firstWord(Menu.Option option) {
        String[] tokens = NORMALIZER.tokens(option.name());
        return tokens.length == 0 ? "" : tokens[0];
    }
}
