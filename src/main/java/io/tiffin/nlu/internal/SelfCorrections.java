package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a customer takes back inside one message ({@code corrections.txt}): "a large, no wait, a
 * small hot chocolate", "hazelnut, no, make that raspberry syrup", "pepperoni, i mean sausage",
 * "a medium latte with vanilla, actually make it a large", "a chicken burrito, make that two". The
 * words after the correction replace the nearest earlier words of the same kind: a pick of the
 * same option group, another item, a count. With nothing of that kind before, or a qualifier after
 * ("make it extra cheese"), the words are left as they are.
 */
final class SelfCorrections {

    private static final Set<String> LINKS =
            Set.copyOf(Lexicon.lines(SelfCorrections.class.getClassLoader(), "corrected-with.txt"));

    private SelfCorrections() {}

    /** A run of words of one kind: a pick of one of {@code groups}, an item, or a count. */
    private record Unit(int start, int end, Set<String> groups, boolean item, boolean count) {
        boolean sameKind(Unit other) {
            if (count || other.count) {
                return count && other.count;
            }
            if (item || other.item) {
                return item && other.item;
            }
            return groups.stream().anyMatch(other.groups::contains);
        }
    }

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        // one correction at a time, each over the words as the one before left them
        return Rewrites.untilSettled(tokens, 4, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            canonical[i] = index.canonical(tokens[i]);
        }
        for (int at = 1; at < tokens.length; at++) {
            var marker = lexicon.corrections.longest(tokens, at);
            if (marker == null) {
                String[] restarted = restarted(lexicon, tokens, canonical, at, index);
                if (restarted != null) {
                    return restarted;
                }
                continue;
            }
            int after = at + marker.length();
            // "no, make that", "actually no make that": one correction
            while (after < tokens.length) {
                var more = lexicon.corrections.longest(tokens, after);
                if (more != null) {
                    after += more.length();
                } else if (tokens[after].equals(",")) {
                    after++;
                } else {
                    break;
                }
            }
            String[] recounted = recounted(lexicon, tokens, canonical, at, after, index);
            if (recounted != null) {
                return recounted;
            }
            if (lexicon.qualifiers.longest(tokens, after - 1) != null
                    && lexicon.qualifiers.longest(tokens, after - 1).value() == Qualifier.NO) {
                // "with pickles, actually no pickles": a refusal, not a correction
                continue;
            }
            // "steak, no actually with chicken": the link word belongs to the pick, which stands where steak did
            int bStart = after + 1 < tokens.length && LINKS.contains(tokens[after]) ? after + 1 : after;
            boolean article = bStart < tokens.length && lexicon.articles.contains(tokens[bStart]);
            Unit b = unitAt(lexicon, tokens, canonical, article ? bStart + 1 : bStart, index);
            if (b == null && article) {
                b = unitAt(lexicon, tokens, canonical, bStart, index);
                article = false;
            }
            if (b == null) {
                continue;
            }
            int pronoun = pronounAfterPicks(tokens, canonical, b, index);
            if (pronoun >= 0) {
                // "a cappuccino. make it a large one with an extra shot": "one" is the item just said, not another
                List<String> out = new ArrayList<>(Arrays.asList(tokens));
                out.remove(pronoun);
                return out.toArray(String[]::new);
            }
            int markerStart = at > 0 && tokens[at].equals(",") ? at : (tokens[at - 1].equals(",") ? at - 1 : at);
            Unit a = before(lexicon, tokens, canonical, markerStart, b, index);
            if (a == null) {
                continue;
            }
            List<String> gap = words(tokens, a.end(), markerStart);
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, a.start()));
            if (gap.isEmpty() || restates(tokens, b.end(), gap)) {
                // "a large, no wait, a small hot chocolate": the new words stand where the old ones did
                boolean counted = a.start() > 0 && openedByCount(lexicon, tokens, a.start());
                int from = article && counted ? b.start() : bStart;
                out.addAll(Arrays.asList(tokens).subList(from, tokens.length));
            } else {
                // "a medium latte with vanilla, actually make it a large": the old words take the new
                out.addAll(Arrays.asList(tokens).subList(b.start(), b.end()));
                out.addAll(Arrays.asList(tokens).subList(a.end(), markerStart));
                out.addAll(Arrays.asList(tokens).subList(b.end(), tokens.length));
            }
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /**
     * "a medium no a large diet coke", "two sorry three lattes": a restart word ({@code restarts.txt})
     * right between two counts, or between an article with a pick (or an item) and an article with a
     * pick of the same group (or another item). Anything else after it ("a large pizza no onions",
     * "with ham no olives") is left to the refusals; null then.
     */
    private static String[] restarted(Lexicon lexicon, String[] tokens, String[] canonical, int at, MenuIndex index) {
        var marker = lexicon.restarts.longest(tokens, at);
        if (marker == null) {
            return null;
        }
        int after = at + marker.length();
        int end = tokens[at - 1].equals(",") ? at - 1 : at;
        if (after >= tokens.length || end == 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (countWord(lexicon, tokens, end - 1) && countWord(lexicon, tokens, after)) {
            out.addAll(Arrays.asList(tokens).subList(0, end - 1));
        } else {
            if (!lexicon.articles.contains(tokens[after])) {
                return restated(lexicon, tokens, canonical, end, after, index);
            }
            Unit b = unitAt(lexicon, tokens, canonical, after + 1, index);
            if (b == null || b.count()) {
                return null;
            }
            // the longest unit of b's kind that ends at the restart and that an article opens
            int start = -1;
            for (int k = Math.max(1, end - 6); k < end && start < 0; k++) {
                Unit a = unitAt(lexicon, tokens, canonical, k, index);
                if (a != null && a.end() == end && a.sameKind(b) && lexicon.articles.contains(tokens[k - 1])) {
                    start = k - 1;
                }
            }
            if (start < 0) {
                return null;
            }
            out.addAll(Arrays.asList(tokens).subList(0, start));
        }
        out.addAll(Arrays.asList(tokens).subList(after, tokens.length));
        return out.toArray(String[]::new);
    }

    /**
     * "medium curly fries, sorry, large curly fries", "two small fries sorry three small fries": after
     * a restart word, a count or picks with the dish said again take the place of the same dish with
     * its count and picks right before the restart. The dish said again is what makes it a
     * correction; "a burger, sorry, no onions" says none.
     */
    private static String[] restated(
            Lexicon lexicon, String[] tokens, String[] canonical, int end, int after, MenuIndex index) {
        int from = tokens[after].equals(",") ? after + 1 : after;
        int j = from < tokens.length && countWord(lexicon, tokens, from) ? from + 1 : from;
        Unit last = null;
        int units = j > from ? 1 : 0;
        while (j < tokens.length && j < from + 6) {
            Unit unit = unitAt(lexicon, tokens, canonical, j, index);
            if (unit == null || unit.count()) {
                break;
            }
            last = unit;
            units++;
            j = unit.end();
        }
        int length = last == null ? 0 : last.end() - last.start();
        if (last == null || units < 2 || end - length < 0) {
            return null;
        }
        for (int k = 0; k < length; k++) {
            String said = canonical[last.start() + k];
            if (said == null || !said.equals(canonical[end - length + k])) {
                return null;
            }
        }
        int start = end - length;
        while (start > 0) {
            int k = start - 1;
            Unit unit = unitAt(lexicon, tokens, canonical, k, index);
            boolean pick = unit != null && !unit.count() && unit.end() <= start;
            if (!pick && !lexicon.articles.contains(tokens[k]) && !countWord(lexicon, tokens, k)) {
                break;
            }
            start = k;
        }
        List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, start));
        out.addAll(Arrays.asList(tokens).subList(from, tokens.length));
        return out.toArray(String[]::new);
    }

    /**
     * "two sprites and a tuna sub, actually make that three sprites": a count and a dish said
     * before, closing the message or its part, give that dish the count where it was said, whatever
     * was said between; the clause is taken out. Null when the dish was not said before.
     */
    private static String[] recounted(
            Lexicon lexicon, String[] tokens, String[] canonical, int at, int after, MenuIndex index) {
        if (after + 1 >= tokens.length || !countWord(lexicon, tokens, after)) {
            return null;
        }
        int from = after + 1;
        var item = index.items.longest(canonical, from);
        var option = index.options.longest(canonical, from);
        int length = Math.max(item == null ? 0 : item.length(), option == null ? 0 : option.length());
        int end = from + length;
        if (length == 0 || end < tokens.length && !lexicon.listJoins.contains(tokens[end])) {
            return null;
        }
        int markerStart = at > 0 && tokens[at - 1].equals(",") ? at - 1 : at;
        for (int k = markerStart - length; k >= 0; k--) {
            if (!Arrays.equals(canonical, k, k + length, canonical, from, end)) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, markerStart));
            int c = k - 1;
            while (c >= 0 && k - c <= 3 && canonical[c] != null && lexicon.numbers.longest(tokens, c) == null) {
                c--; // the dish's picks before it ("two large sprites")
            }
            if (c >= 0 && (countWord(lexicon, tokens, c) || lexicon.articles.contains(tokens[c]))) {
                out.set(c, tokens[after]);
            } else {
                out.add(k, tokens[after]);
            }
            while (end == tokens.length && !out.isEmpty() && lexicon.listJoins.contains(out.getLast())) {
                out.removeLast();
            }
            out.addAll(Arrays.asList(tokens).subList(end, tokens.length));
            return out.toArray(String[]::new);
        }
        return null;
    }

    /** A count of one word that is not an article: "two", "3". */
    private static boolean countWord(Lexicon lexicon, String[] tokens, int i) {
        var number = lexicon.numbers.longest(tokens, i);
        return !lexicon.articles.contains(tokens[i]) && (number != null && number.length() == 1 || isCount(tokens[i]));
    }

    /** A pick, an item or a count starting at {@code i}; null at a qualifier or anything else. */
    private static Unit unitAt(Lexicon lexicon, String[] tokens, String[] canonical, int i, MenuIndex index) {
        if (i >= tokens.length) {
            return null;
        }
        var option = index.options.longest(canonical, i);
        var item = index.items.longest(canonical, i);
        var qualifier = lexicon.qualifiers.longest(tokens, i);
        if (qualifier != null && (option == null || option.length() <= qualifier.length())) {
            // "make it extra cheese" adds; "make it an extra large" is the size
            return null;
        }
        if (item != null && (option == null || item.length() >= option.length())) {
            return new Unit(i, i + item.length(), Set.of(), true, false);
        }
        if (option == null && countAlone(lexicon, tokens, canonical, i)) {
            // "make it two" is a count, where "two" also opens an option's name ("two liter")
            return new Unit(i, i + 1, Set.of(), false, true);
        }
        // "hazelnut" for hazelnut syrup: the opening word of one option's name
        List<MenuIndex.OptionRef> refs = option != null
                ? option.value()
                : canonical[i] == null ? null : index.onlyOptionStartingWith(canonical[i]);
        if (refs != null) {
            Set<String> groups = new HashSet<>();
            refs.forEach(ref -> groups.add(ref.itemId() + "/" + ref.groupId()));
            return new Unit(i, i + (option != null ? option.length() : 1), groups, false, false);
        }
        var number = lexicon.numbers.longest(tokens, i);
        boolean digits = tokens[i].chars().allMatch(Character::isDigit);
        if ((number != null || digits) && !lexicon.articles.contains(tokens[i])) {
            int end = i + (number != null ? number.length() : 1);
            boolean alone = end >= tokens.length || canonical[end] == null;
            return alone ? new Unit(i, end, Set.of(), false, true) : null;
        }
        return null;
    }

    /** Where "one" stands right after the picks a correction opens with ("a large iced one"); -1 if not. */
    private static int pronounAfterPicks(String[] tokens, String[] canonical, Unit b, MenuIndex index) {
        if (b.item() || b.count()) {
            return -1;
        }
        int k = b.end();
        while (k < tokens.length) {
            var option = index.options.longest(canonical, k);
            if (option == null || index.items.longest(canonical, k) != null) {
                break;
            }
            k += option.length();
        }
        return k < tokens.length && tokens[k].equals("one") ? k : -1;
    }

    /** The nearest unit of b's kind that ends before {@code end}. */
    private static Unit before(Lexicon lexicon, String[] tokens, String[] canonical, int end, Unit b, MenuIndex index) {
        for (int k = end - 1; k >= 0; k--) {
            Unit unit = unitAt(lexicon, tokens, canonical, k, index);
            if (b.count() && lexicon.articles.contains(tokens[k]) && lexicon.numbers.longest(tokens, k) != null) {
                // "a large latte, make that two": the article counted the line, though a menu word opens with "a"
                unit = new Unit(k, k + 1, Set.of(), false, true);
            } else if (unit == null && b.count() && lexicon.numbers.longest(tokens, k) != null) {
                // "a chicken burrito, make that two": the article counted the line
                unit = new Unit(k, k + lexicon.numbers.longest(tokens, k).length(), Set.of(), false, true);
            } else if (unit == null && b.count() && isCount(tokens[k])) {
                // "3 lattes.. make that 4"
                unit = new Unit(k, k + 1, Set.of(), false, true);
            }
            if (unit != null && unit.end() <= end && unit.sameKind(b)) {
                return widened(lexicon, tokens, canonical, unit, index);
            }
        }
        return null;
    }

    /**
     * The longest unit of the same kind ending where {@code unit} ends: read backwards, "rice" is
     * found first in "cauliflower rice", and taking back only it would leave "cauliflower".
     */
    private static Unit widened(Lexicon lexicon, String[] tokens, String[] canonical, Unit unit, MenuIndex index) {
        Unit widest = unit;
        for (int k = unit.start() - 1; k >= Math.max(0, unit.start() - 3); k--) {
            Unit wider = unitAt(lexicon, tokens, canonical, k, index);
            if (wider != null && wider.end() == unit.end() && wider.sameKind(unit)) {
                widest = wider;
            }
        }
        return widest;
    }

    private static boolean isCount(String token) {
        return !token.isEmpty() && token.length() <= 2 && token.chars().allMatch(Character::isDigit);
    }

    /** A number word of one word with no menu word after it. */
    private static boolean countAlone(Lexicon lexicon, String[] tokens, String[] canonical, int i) {
        var number = lexicon.numbers.longest(tokens, i);
        boolean one = number != null && number.length() == 1 || isCount(tokens[i]);
        return one && !lexicon.articles.contains(tokens[i]) && (i + 1 >= tokens.length || canonical[i + 1] == null);
    }

    private static boolean openedByCount(Lexicon lexicon, String[] tokens, int start) {
        for (int k = start - 1; k >= 0 && !tokens[k].equals(","); k--) {
            if (lexicon.separators.longest(tokens, k) != null) {
                return false;
            }
            if (lexicon.numbers.longest(tokens, k) != null) {
                return true;
            }
        }
        return false;
    }

    /** The words between two places, without list commas. */
    private static List<String> words(String[] tokens, int from, int to) {
        List<String> words = new ArrayList<>();
        for (int k = from; k < to; k++) {
            if (!tokens[k].equals(",")) {
                words.add(tokens[k]);
            }
        }
        return words;
    }

    /** Whether the words after the new ones say again what stood between the old ones and the correction. */
    private static boolean restates(String[] tokens, int from, List<String> gap) {
        if (from + gap.size() > tokens.length) {
            return false;
        }
        for (int k = 0; k < gap.size(); k++) {
            if (!tokens[from + k].equals(gap.get(k))) {
                return false;
            }
        }
        return true;
    }
}
