package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The kind of a thing said first and its brand or name after it: "chips doritos", "a bag of chips,
 * doritos", "a soda, sprite". The first word is read from the menu as a head: the last word of the
 * names of two things or more of one set (the items of a category, the picks of a one-pick group:
 * "lays chips", "sun chips", "kettle chips"), and the word after it names another thing of that set
 * that has no such head of its own ("doritos"). Alone the head would be a thing of its own (the
 * plain chips), so it is taken out and the brand counted in its place. A thing named with a head of
 * its own ("chips, a cookie", "chips, cookies": the cookies are "chocolate chip cookies") stays a
 * thing of its own; with a comma between, only a head that was counted ("a bag of chips, doritos")
 * before a brand that is not, since "chips, doritos and a coke" lists two.
 */
final class BrandsAfterHeads {

    /** A set of things one word may name: each thing's names, as singular words. */
    private record Things(Map<String, List<String[]>> names, Set<String> heads, Set<String> kinds) {}

    private static final Map<MenuIndex, List<Things>> SETS = Collections.synchronizedMap(new WeakHashMap<>());

    /** How many things a word ends the names of to be their kind's word: "chips" of three chips, not "coke" of diet and cherry coke. */
    private static final int MIN_NAMED = 3;

    private BrandsAfterHeads() {}

    static String[] moved(Lexicon lexicon, String[] tokens, MenuIndex index) {
        List<Things> sets = SETS.computeIfAbsent(index, i -> sets(lexicon, i.menu));
        if (sets.isEmpty()) {
            return tokens;
        }
        String[] singular = Arrays.stream(tokens).map(TextNormalizer::singular).toArray(String[]::new);
        for (int i = 0; i + 1 < tokens.length; i++) {
            boolean comma = tokens[i + 1].equals(",");
            int from = comma ? i + 2 : i + 1;
            if (from >= tokens.length || comma && !(counted(lexicon, tokens, i) && !counts(lexicon, tokens, from))) {
                continue;
            }
            for (Things set : sets) {
                if (!set.heads().contains(singular[i])
                        || !namesAlone(set, singular[i])
                        || nameLengthAt(set, singular, i) > 1) {
                    continue;
                }
                String brand = thingNamedAt(set, singular, from);
                if (brand != null && !hasAKindBut(set, brand, singular[i])) {
                    List<String> out = new ArrayList<>(List.of(tokens).subList(0, i));
                    out.addAll(List.of(tokens).subList(from, tokens.length));
                    return out.toArray(String[]::new);
                }
            }
        }
        return tokens;
    }

    /** "a bag of chips", "two chips": a count or an article before the head, across measure words. */
    private static boolean counted(Lexicon lexicon, String[] tokens, int i) {
        for (int back = i - 1; back >= 0 && back >= i - 3; back--) {
            if (counts(lexicon, tokens, back)) {
                return true;
            }
            if (!lexicon.quantityGlue.contains(tokens[back]) && !lexicon.knows(tokens[back])) {
                return false;
            }
        }
        return false;
    }

    private static boolean counts(Lexicon lexicon, String[] tokens, int i) {
        return lexicon.articles.contains(tokens[i]) || lexicon.numbers.longest(tokens, i) != null;
    }

    private static boolean namesAlone(Things set, String head) {
        return set.names().values().stream()
                .anyMatch(names -> names.stream().anyMatch(n -> n.length == 1 && n[0].equals(head)));
    }

    /** The length of the longest name of the set said from {@code from}, 0 when none. */
    private static int nameLengthAt(Things set, String[] words, int from) {
        int longest = 0;
        for (List<String[]> names : set.names().values()) {
            for (String[] name : names) {
                if (name.length > longest
                        && from + name.length <= words.length
                        && Arrays.equals(name, 0, name.length, words, from, from + name.length)) {
                    longest = name.length;
                }
            }
        }
        return longest;
    }

    /** The thing whose longest name starts at {@code from}, or null. */
    private static String thingNamedAt(Things set, String[] words, int from) {
        String found = null;
        int longest = 0;
        for (var thing : set.names().entrySet()) {
            for (String[] name : thing.getValue()) {
                if (name.length > longest
                        && from + name.length <= words.length
                        && Arrays.equals(name, 0, name.length, words, from, from + name.length)) {
                    found = thing.getKey();
                    longest = name.length;
                }
            }
        }
        return found;
    }

    /** Whether a thing is named with a kind's word other than the head said ("chocolate chip cookie"). */
    private static boolean hasAKindBut(Things set, String thing, String head) {
        return set.names().get(thing).stream()
                .map(n -> n[n.length - 1])
                .anyMatch(w -> !w.equals(head) && set.kinds().contains(w));
    }

    private static List<Things> sets(Lexicon lexicon, Menu menu) {
        List<Things> sets = new ArrayList<>();
        Map<String, Map<String, List<String[]>>> groups = new HashMap<>();
        for (Menu.Category category : menu.categories()) {
            Map<String, List<String[]>> items = new HashMap<>();
            for (Menu.Item item : category.items()) {
                items.put(item.id(), names(lexicon, item.name(), item.aliases()));
                for (Menu.OptionGroup group : item.optionGroups()) {
                    if (group.max() != null && group.max() == 1) {
                        Map<String, List<String[]>> picks =
                                groups.computeIfAbsent(item.id() + "/" + group.id(), g -> new HashMap<>());
                        for (Menu.Option option : group.options()) {
                            picks.put(option.id(), names(lexicon, option.name(), option.aliases()));
                        }
                    }
                }
            }
            add(sets, items);
        }
        // the same group on many items is one set
        Set<Set<String>> seen = new HashSet<>();
        for (Map<String, List<String[]>> picks : groups.values()) {
            if (seen.add(picks.keySet())) {
                add(sets, picks);
            }
        }
        return List.copyOf(sets);
    }

    private static void add(List<Things> sets, Map<String, List<String[]>> things) {
        Map<String, Set<String>> endingThings = new HashMap<>();
        for (var thing : things.entrySet()) {
            for (String[] name : thing.getValue()) {
                if (name.length > 1) {
                    endingThings
                            .computeIfAbsent(name[name.length - 1], w -> new HashSet<>())
                            .add(thing.getKey());
                }
            }
        }
        Set<String> heads = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        endingThings.forEach((word, of) -> {
            if (of.size() >= MIN_NAMED) {
                heads.add(word);
            }
            if (of.size() >= 2) {
                kinds.add(word); // "cookie" of two cookies: a kind of its own, no brand of chips
            }
        });
        if (!heads.isEmpty()) {
            sets.add(new Things(things, Set.copyOf(heads), Set.copyOf(kinds)));
        }
    }

    private static List<String[]> names(Lexicon lexicon, String name, List<String> aliases) {
        List<String[]> names = new ArrayList<>();
        for (String phrase : concat(name, aliases)) {
            String[] words = lexicon.normalizer.tokens(phrase);
            if (words.length > 0) {
                names.add(Arrays.stream(words).map(TextNormalizer::singular).toArray(String[]::new));
            }
        }
        return names;
    }

    private static List<String> concat(String name, List<String> aliases) {
        List<String> all = new ArrayList<>();
        if (name != null) {
            all.add(name);
        }
        all.addAll(aliases);
        return all;
    }
}
