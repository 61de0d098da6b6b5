package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "two drip coffees, dark roast and light roast", "2 burgers: hamburger and cheeseburger": a count
 * of a dish, then after a comma as many kinds as it counts, each a pick of one group, are one dish
 * of each kind. Where the kinds are picks of the dish's own group (a hamburger is a burger) they
 * replace the dish's word; else each kind goes before it. Only for a group of one pick (a roast, a
 * dish's kind): picks of a group of many ("two pizzas, ham and olives") are left to the assembly,
 * which tells whether they are kinds or toppings. Read as they stood, the second kind opened a line
 * of no count and the first kept the whole count.
 */
final class CountOverKinds {

    private static final int LONGEST_HEAD = 5;

    private CountOverKinds() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int i = 0; i + 4 < tokens.length; i++) {
            int count = countOf(lexicon, tokens, i);
            if (count < 2 || count > 4) {
                continue;
            }
            // "2 burgers, hamburger and cheeseburger"; a colon ("2 burgers: ...") is gone by now, so
            // with no comma the kinds must be of the dish's own group
            for (int head = i + 2; head <= i + 1 + LONGEST_HEAD && head < tokens.length; head++) {
                boolean comma = tokens[head].equals(",");
                String[] out =
                        split(lexicon, tokens, canonical, i, head, comma ? head + 1 : head, count, !comma, index);
                if (out != null) {
                    return out;
                }
                if (comma || canonical[head] == null && !lexicon.fillers.contains(tokens[head])) {
                    break;
                }
            }
        }
        return tokens;
    }

    /** The words with the kinds from {@code from} one dish each, or null when they are not such kinds. */
    private static String[] split(
            Lexicon lexicon,
            String[] tokens,
            String[] canonical,
            int at,
            int comma,
            int from,
            int count,
            boolean ownGroupOnly,
            MenuIndex index) {
        List<int[]> kinds = new ArrayList<>();
        List<Set<String>> groups = new ArrayList<>();
        int k = from;
        while (kinds.size() < count && k < tokens.length) {
            if (!kinds.isEmpty()) {
                if (!tokens[k].equals(",") && !lexicon.listJoins.contains(tokens[k])) {
                    return null;
                }
                while (k < tokens.length && (tokens[k].equals(",") || lexicon.listJoins.contains(tokens[k]))) {
                    k++;
                }
            }
            // "one salted and one sweet" is read as parts of the counted line already
            if (k < tokens.length && lexicon.articles.contains(tokens[k])) {
                k++;
            }
            var option = k < tokens.length ? index.options.longest(canonical, k) : null;
            if (option == null) {
                return null;
            }
            Set<String> picked = new HashSet<>();
            option.value().forEach(ref -> {
                if (index.onePick(ref)) {
                    picked.add(ref.itemId() + "/" + ref.groupId());
                }
            });
            kinds.add(new int[] {k, k + option.length()});
            groups.add(picked);
            k += option.length();
        }
        if (kinds.size() != count || k < tokens.length && canonical[k] != null && !tokens[k].equals(",")) {
            return null; // "two drip coffees, dark roast and light roast with cream" says more of them
        }
        Set<String> shared = new HashSet<>(groups.getFirst());
        groups.forEach(shared::retainAll);
        if (shared.isEmpty()) {
            return null; // "two lattes, decaf and vanilla": picks of two groups make one latte
        }
        Set<String> different = new HashSet<>();
        for (int[] kind : kinds) {
            different.add(String.join(" ", Arrays.copyOfRange(canonical, kind[0], kind[1])));
        }
        if (different.size() != count) {
            return null;
        }
        // "2 burgers: hamburger and cheeseburger": the dish's word is a pick of the kinds' own group
        boolean ownGroup = false;
        for (int h = at + 1; h < comma; h++) {
            var option = index.options.longest(canonical, h);
            if (option != null
                    && option.value().stream().anyMatch(ref -> shared.contains(ref.itemId() + "/" + ref.groupId()))) {
                ownGroup = true;
            }
        }
        if (ownGroupOnly && !ownGroup) {
            return null;
        }
        List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, at));
        for (int[] kind : kinds) {
            if (out.size() > at) {
                out.add("and");
            }
            out.add("1");
            out.addAll(Arrays.asList(tokens).subList(kind[0], kind[1]));
            if (!ownGroup) {
                out.addAll(Arrays.asList(tokens).subList(at + 1, comma));
            }
        }
        out.addAll(Arrays.asList(tokens).subList(k, tokens.length));
        return out.toArray(String[]::new);
    }

    /** The value of a one-word count at {@code i} that is no article, 0 when none. */
    private static int countOf(Lexicon lexicon, String[] tokens, int i) {
        if (tokens[i].length() <= 2 && tokens[i].chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(tokens[i]);
        }
        var number = lexicon.numbers.longest(tokens, i);
        return number != null && number.length() == 1 && !lexicon.articles.contains(tokens[i]) ? number.value() : 0;
    }
}
