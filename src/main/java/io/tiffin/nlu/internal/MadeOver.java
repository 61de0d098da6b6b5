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
 * With no "make", a part of the message that points back at a dish said before ({@code
 * pointed-back.txt}) does the same when only options follow the name ("a latte and a hot chocolate,
 * the hot chocolate large and the latte with vanilla") or come before it with a placing word
 * ("lettuce on the bowl and green salsa on the burrito", "no onions on my pizza please").
 */
final class MadeOver {

    private MadeOver() {}

    /** Longest name of a dish said again (a size and a dish word, "the large pizza"). */
    private static final int LONGEST_NAME = 3;

    /** {@code words} go in at {@code at}, in place of the {@code drop} words said there. */
    private record Change(int at, List<String> words, int drop) {}

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int start = 1; start < tokens.length; start++) {
            List<Change> changes = new ArrayList<>();
            int end;
            var opener = lexicon.makeThe.longest(tokens, start);
            if (opener != null) {
                end = namedThenChanged(lexicon, tokens, start, start + opener.length(), index, changes, false);
            } else if (!opensAPart(lexicon, tokens, start)) {
                continue;
            } else if (lexicon.pointedBack.contains(tokens[start])) {
                // "..., the hot chocolate large and the latte with vanilla": no "make", only options after the name
                end = namedThenChanged(lexicon, tokens, start, start + 1, index, changes, true);
            } else {
                // "..., lettuce on the bowl and green salsa on the burrito"
                end = changedThenPlaced(lexicon, tokens, start, index, changes);
            }
            if (changes.isEmpty()) {
                continue;
            }
            int from = start;
            if (changes.stream().anyMatch(change -> change.drop() > 0)) {
                from = withoutCorrection(lexicon, tokens, start);
            }
            return rewritten(lexicon, tokens, from, end, changes, index);
        }
        return tokens;
    }

    /** A part of the message starts at {@code at}: after a comma or a list word, with dishes said before. */
    private static boolean opensAPart(Lexicon lexicon, String[] tokens, int at) {
        return at > 1 && (tokens[at - 1].equals(",") || lexicon.listJoins.contains(tokens[at - 1]));
    }

    /**
     * Parts from {@code i}, each a name said before and what it should have, joined by a list word
     * and "the": where the last ends, with each part in {@code changes}. With {@code onlyOptions}
     * (no "make" opened them) a part that names a dish, or has nothing after the name, ends them.
     */
    private static int namedThenChanged(
            Lexicon lexicon,
            String[] tokens,
            int start,
            int i,
            MenuIndex index,
            List<Change> changes,
            boolean onlyOptions) {
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
            if (to == from || (onlyOptions && !onlyOptions(lexicon, tokens, from, to, index))) {
                break;
            }
            // "two tacos with chicken and one with steak, and the steak one with corn salsa": a name
            // said as an option of a counted part is read with that part where it stands
            if (onlyOptions && name[0] > 0 && optionWord(lexicon, tokens, name[0] - 1)) {
                break;
            }
            List<String> words = List.of(tokens).subList(from, to);
            List<String> dish = onlyOptions
                    ? null
                    : anotherDish(lexicon, List.of(tokens).subList(name[0], name[0] + name[2]), words, index);
            changes.add(
                    dish != null
                            // "a coke, no wait make the coke a diet coke": the dish itself is replaced
                            ? new Change(name[0], dish, name[2])
                            : new Change(insertAt(tokens, name[0], name[2], index), words, 0));
            end = to;
            // "... and the coke large": another part after a list word and "the"
            if (to + 1 < tokens.length && lexicon.pointedBack.contains(tokens[to + 1])) {
                i = to + 2;
            } else {
                break;
            }
        }
        return end;
    }

    /**
     * Parts from {@code start}, each options, a placing word, a word pointing back and a name said
     * before ("green salsa on the burrito"), joined by a list word: where the last ends.
     */
    private static int changedThenPlaced(
            Lexicon lexicon, String[] tokens, int start, MenuIndex index, List<Change> changes) {
        int end = start;
        int from = start;
        while (from < tokens.length) {
            int on = from;
            while (on < tokens.length && !PlacedOn.isPlacing(tokens, on)) {
                on++;
            }
            if (on == from
                    || on + 2 >= tokens.length
                    || !lexicon.pointedBack.contains(tokens[on + 1])
                    || !onlyOptions(lexicon, tokens, from, on, index)) {
                break;
            }
            int[] name = placedOn(lexicon, tokens, start, on + 2, index);
            if (name == null) {
                break;
            }
            changes.add(new Change(
                    insertAt(tokens, name[0], name[2], index), List.of(tokens).subList(from, on), 0));
            end = name[1];
            from = name[1] + 1;
        }
        return end;
    }

    /**
     * The dish named from {@code at} after a placing word, as {@link #named} gives it, of the longest
     * name said before that ends the part: a list word or only chatter after it ("on the pizza
     * please"), so "on the hamburger and bacon" names the hamburger.
     */
    private static int[] placedOn(Lexicon lexicon, String[] tokens, int before, int at, MenuIndex index) {
        for (int length = Math.min(LONGEST_NAME, tokens.length - at); length >= 1; length--) {
            int[] name = saidBefore(tokens, before, at, length);
            if (name != null
                    && (name[1] >= tokens.length
                            || lexicon.listJoins.contains(tokens[name[1]])
                            || endsTheMessage(lexicon, tokens, name[1], index))) {
                return name;
            }
        }
        return null;
    }

    /** A separator that opens options ("with"), not one that joins a list ("and", a comma). */
    private static boolean optionWord(Lexicon lexicon, String[] tokens, int at) {
        return lexicon.separators.longest(tokens, at) != null && !lexicon.listJoins.contains(tokens[at]);
    }

    /** Only chatter is left from {@code at} ("please", "thanks"): no menu word and no count. */
    private static boolean endsTheMessage(Lexicon lexicon, String[] tokens, int at, MenuIndex index) {
        for (int k = at; k < tokens.length; k++) {
            if (lexicon.numbers.longest(tokens, k) != null || index.canonical(tokens[k]) != null) {
                return false;
            }
        }
        return true;
    }

    /** Words {@code from}..{@code to} are options only: no count and no name of a dish. */
    private static boolean onlyOptions(Lexicon lexicon, String[] tokens, int from, int to, MenuIndex index) {
        for (int k = from; k < to; k++) {
            // "a little oil" is a measure of an option, "a coke" or a comma a line of its own
            boolean counted =
                    lexicon.numbers.longest(tokens, k) != null && lexicon.qualifiers.longest(tokens, k) == null;
            if (counted || tokens[k].equals(",") || index.items.longest(tokens, k) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The dish named from {@code at}: {where it was said before {@code before}, where the change
     * starts, how many words its name has}, or null when no name of one to three words was said
     * before.
     */
    private static int[] named(String[] tokens, int before, int at) {
        for (int length = Math.min(LONGEST_NAME, tokens.length - at - 1); length >= 1; length--) {
            int[] name = saidBefore(tokens, before, at, length);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /** The {@code length} words from {@code at} said before {@code before}, as {@link #named} gives them, or null. */
    private static int[] saidBefore(String[] tokens, int before, int at, int length) {
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
        return null;
    }

    /** After the name where it was said, and after the dish words that follow it ("large" then "pizza"). */
    private static int insertAt(String[] tokens, int said, int length, MenuIndex index) {
        int at = said + length;
        while (at < tokens.length && index.items.longest(tokens, at) != null) {
            at += index.items.longest(tokens, at).length();
        }
        return at;
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

    private static String[] rewritten(
            Lexicon lexicon, String[] tokens, int start, int end, List<Change> changes, MenuIndex index) {
        int cut = start;
        boolean[] replaced = new boolean[tokens.length];
        for (Change change : changes) {
            if (change.drop() == 0) {
                PickReplaced.mark(lexicon, tokens, Math.min(change.at(), start), change.words(), index, replaced);
            }
        }
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
            if (!replaced[k]) {
                out.add(tokens[k]);
            }
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
