package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.ChosenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A new pick for one option group of an item already in the cart, said on its own: "make the cheese
 * provolone", "change the bread to wheat", "oat milk instead". The group is named by the menu's own
 * group name ("Bread", "Milk"), or by an option that stands for the group's choice where the menu
 * has one ("Cheese" beside Provolone and Swiss in a toppings group); the other words are the pick.
 * Unlike {@link GroupChanges}, which reads such a change inside an order message, the item here is
 * the cart line's, so the words are read against that item alone.
 */
public final class GroupPicks {

    private static final TextNormalizer NORMALIZER = new TextNormalizer(Map.of());

    private GroupPicks() {}

    /**
     * {@code named} are the words that may name the group (the edit's reference and new words),
     * {@code said} the edit's new words, of which all but a group's name are the pick.
     */
    public static Optional<ParseResult.GroupPick> read(Menu.Item item, List<String> named, List<String> said) {
        for (String word : named) {
            String singular = TextNormalizer.singular(word);
            List<String> pick = new ArrayList<>(said);
            pick.remove(word);
            if (pick.isEmpty()) {
                continue;
            }
            for (Menu.OptionGroup group : item.optionGroups()) {
                if (names(group.name(), word, singular)) {
                    List<ChosenOption> picks = picksIn(item, group, pick, null);
                    if (!picks.isEmpty()) {
                        return Optional.of(new ParseResult.GroupPick(group.id(), null, picks));
                    }
                }
            }
            for (Menu.OptionGroup group : item.optionGroups()) {
                for (Menu.Option option : group.options()) {
                    boolean standsFor = names(option.name(), word, singular)
                            || option.aliases().stream().anyMatch(a -> names(a, word, singular));
                    if (!standsFor || levelThenScale(group, said, word)) {
                        continue;
                    }
                    List<ChosenOption> picks = picksIn(item, group, pick, option.id());
                    if (!picks.isEmpty()) {
                        return Optional.of(new ParseResult.GroupPick(group.id(), option.id(), picks));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** "medium spicy": the pick said, then the scale it is on; no change of one to the other. */
    private static boolean levelThenScale(Menu.OptionGroup group, List<String> said, String word) {
        return said.size() == 2 && said.get(0).equals(word) && LevelThenScale.isScale(group, said.get(1));
    }

    /** Whether a name of the menu is this one word ("Bread", "Cheese"), or has it as its last ("Bread Choice" does not). */
    private static boolean names(String name, String word, String singular) {
        String[] tokens = NORMALIZER.tokens(name == null ? "" : name.toLowerCase(Locale.ROOT));
        return tokens.length > 0
                && (tokens[tokens.length - 1].equals(word) || tokens[tokens.length - 1].equals(singular));
    }

    /**
     * The option of the group the pick's words are, all of them: its name or an alias ("whole
     * wheat"), or a first word only it has ("oat" for Oat Milk). Words that say more ("onions and
     * peppers", "no onions") are no pick: a refusal or a list is read by the other edits.
     */
    private static List<ChosenOption> picksIn(
            Menu.Item item, Menu.OptionGroup group, List<String> pick, String naming) {
        String said = String.join(" ", pick);
        List<Menu.Option> options =
                group.options().stream().filter(o -> !o.id().equals(naming)).toList();
        for (Menu.Option option : options) {
            List<String> names = new ArrayList<>(option.aliases());
            names.add(option.name());
            if (names.stream()
                    .anyMatch(n -> String.join(" ", NORMALIZER.tokens(n)).equals(said))) {
                return List.of(new ChosenOption(group.id(), option.id(), null));
            }
        }
        List<Menu.Option> byFirst = options.stream()
                .filter(o -> pick.size() == 1 && firstWord(o).equals(said))
                .toList();
        return byFirst.size() == 1
                ? List.of(new ChosenOption(group.id(), byFirst.get(0).id(), null))
                : List.of();
    }

    private static String firstWord(Menu.Option option) {
        String[] tokens = NORMALIZER.tokens(option.name());
        return tokens.length == 0 ? "" : tokens[0];
    }
}
