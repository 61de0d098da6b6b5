package io.tiffin.nlu.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The runs of words a correction in one message takes back and puts in place: a pick of one
 * option group, an item, or a count. Shared by the readings of corrections, restarts and recounts.
 */
final class CorrectionUnits {

    private CorrectionUnits() {}

    /** A run of words of one kind: a pick of one of {@code groups}, an item, or a count. */
    record Unit(int start, int end, Set<String> groups, boolean item, boolean count) {
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

    /** A count of one word that is not an article: "two", "3". */
    static boolean countWord(Lexicon lexicon, String[] tokens, int i) {
        var number = lexicon.numbers.longest(tokens, i);
        return !lexicon.articles.contains(tokens[i]) && (number != null && number.length() == 1 || isCount(tokens[i]));
    }

    /** A pick, an item or a count starting at {@code i}; null at a qualifier or anything else. */
    static Unit unitAt(Lexicon lexicon, String[] tokens, String[] canonical, int i, MenuIndex index) {
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
    static int pronounAfterPicks(String[] tokens, String[] canonical, Unit b, MenuIndex index) {
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
    static Unit before(Lexicon lexicon, String[] tokens, String[] canonical, int end, Unit b, MenuIndex index) {
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
}
