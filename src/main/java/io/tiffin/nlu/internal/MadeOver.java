package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A change said after the dishes it changes, in the same message: "a cheeseburger, fries and a coke,
 * make the fries small and the coke large", "a large pizza and a medium pizza, make the large one
 * pepperoni and the medium one hawaiian". After a phrase of {@code make-the.txt}, each part names a
 * dish said before (the words as said there, "one" after them dropped) and then what it should
 * have; those words are put where the dish was said and the clause is taken out, so the lines are
 * read once, with their changes, instead of as new lines. A name said nowhere before ends it.
 */
final class MadeOver {

    private MadeOver() {}

    /** Longest name of a dish said again (a size and a dish word, "the large pizza"). */
    private static final int LONGEST_NAME = 3;

    /** {@code words} go in at {@code at}, in place of the {@code drop} words said there. */
    private record Change(int at, List<String> words, int drop) {}

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int start = 1; start < tokens.length; start++) {
            var opener = lexicon.makeThe.longest(tokens, start);
            if (opener == null) {
                continue;
            }
            List<Change> changes = new ArrayList<>();
            int i = start + opener.length();
            int end = i;
            while (i < tokens.length) {
                int[] name = named(tokens, start, i);
                if (name == null) {
                    break;
                }
                int from = name[1];
                int to = from;
                while (to < tokens.length && !lexicon.listJoins.contains(tokens[to])) {
                    to++;
                }
                if (to == from) {
                    break;
                }
                List<String> words = List.of(tokens).subList(from, to);
                List<String> dish =
                        anotherDish(lexicon, List.of(tokens).subList(name[0], name[0] + name[2]), words, index);
                changes.add(
                        dish != null
                                // "a coke, no wait make the coke a diet coke": the dish itself is replaced
                                ? new Change(name[0], dish, name[2])
                                : new Change(insertAt(tokens, name[0], name[2], index), words, 0));
                end = to;
                // "... and the coke large": another part after a list word and "the"
                if (to + 1 < tokens.length && tokens[to + 1].equals("the")) {
                    i = to + 2;
                } else {
                    break;
                }
            }
            if (changes.isEmpty()) {
                continue;
            }
            int from = start;
            if (changes.stream().anyMatch(change -> change.drop() > 0)) {
                from = withoutCorrection(lexicon, tokens, start);
            }
            return rewritten(lexicon, tokens, from, end, changes);
        }
        return tokens;
    }

    /**
     * The dish named from {@code at}: {where it was said before {@code before}, where the change
     * starts, how many words its name has}, or null when no name of one to three words was said
     * before.
     */
    private static int[] named(String[] tokens, int before, int at) {
        for (int length = Math.min(LONGEST_NAME, tokens.length - at - 1); length >= 1; length--) {
            String[] name = Arrays.copyOfRange(tokens, at, at + length);
            for (int k = before - length; k >= 0; k--) {
                if (Arrays.equals(tokens, k, k + length, name, 0, length)) {
                    int from = at + length;
                    if (from < tokens.length && tokens[from].equals("one")) {
                        from++;
                    }
                    return new int[] {k, from, length};
                }
            }
        }
        return null;
    }

    /**
     * The change's words when they are an article and a whole other dish ("a diet coke", "a
     * cheeseburger"), without the article: another item, or another pick of the one-pick group the
     * dish said before is a pick of (a drink's type); null when they change the dish's picks ("large").
     */
    private static List<String> anotherDish(Lexicon lexicon, List<String> said, List<String> words, MenuIndex index) {
        if (words.size() < 2 || !lexicon.articles.contains(words.getFirst())) {
            return null;
        }
        String[] canonical = canonical(words.subList(1, words.size()), index);
        var item = index.items.longest(canonical, 0);
        var option = index.options.longest(canonical, 0);
        if (item != null && item.length() == canonical.length && (option == null || option.length() <= item.length())) {
            return words.subList(1, words.size());
        }
        var before = index.options.longest(canonical(said, index), 0);
        if (option == null || option.length() != canonical.length || before == null || before.length() != said.size()) {
            return null;
        }
        for (MenuIndex.OptionRef now : option.value()) {
            for (MenuIndex.OptionRef was : before.value()) {
                if (now.itemId().equals(was.itemId())
                        && now.groupId().equals(was.groupId())
                        && !now.equals(was)
                        && index.onePick(now)) {
                    return words.subList(1, words.size());
                }
            }
        }
        return null;
    }

    private static String[] canonical(List<String> words, MenuIndex index) {
        return words.stream().map(index::canonical).toArray(String[]::new);
    }

    /** Where the clause starts with the correction words before it ("no wait", "sorry", ","), which take nothing back now. */
    private static int withoutCorrection(Lexicon lexicon, String[] tokens, int start) {
        int cut = start;
        for (boolean more = true; more && cut > 0; ) {
            more = false;
            if (tokens[cut - 1].equals(",")) {
                cut--;
                more = true;
                continue;
            }
            for (int length = Math.min(3, cut); length >= 1; length--) {
                var marker = lexicon.corrections.longest(tokens, cut - length);
                if (marker != null && marker.length() == length) {
                    cut -= length;
                    more = true;
                    break;
                }
            }
        }
        return cut;
    }

    /** After the name where it was said, and after the dish words that follow it ("large" then "pizza"). */
    private static int insertAt(String[] tokens, int said, int length, MenuIndex index) {
        int at = said + length;
        while (at < tokens.length && index.items.longest(tokens, at) != null) {
            at += index.items.longest(tokens, at).length();
        }
        return at;
    }

    private static String[] rewritten(Lexicon lexicon, String[] tokens, int start, int end, List<Change> changes) {
        int cut = start;
        if (end >= tokens.length) {
            // the clause ends the message: the list word before it joins nothing now
            while (cut > 0 && lexicon.listJoins.contains(tokens[cut - 1])) {
                cut--;
            }
        }
        List<String> out = new ArrayList<>();
        int skip = 0;
        for (int k = 0; k < cut; k++) {
            for (Change change : changes) {
                if (change.at() == k) {
                    out.addAll(change.words());
                    skip = Math.max(skip, change.drop());
                }
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            out.add(tokens[k]);
        }
        for (Change change : changes) {
            if (change.at() == cut) {
                out.addAll(change.words());
            }
        }
        out.addAll(List.of(tokens).subList(end, tokens.length));
        return out.toArray(String[]::new);
    }
}
