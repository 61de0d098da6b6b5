package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "three pizzas, mushrooms on one, olives on another and the third just cheese", "two tacos, steak in
 * one and chicken in the other", "four pizzas, pepperoni on two and the rest plain": after a count of
 * two or more, options said before a placing word and a part of the line ({@code parts-placed.txt},
 * a count, what is left of the line) are that part's, read as the parts said first are ("one with
 * mushrooms", "the other with chicken", "two with pepperoni"); "nothing on the third" is the part
 * alone. A part before a word of the menu ("pepperoni on one large pizza") counts that dish and is left.
 */
final class PartsPlacedOn {

    /** At most this many parts are read in one message; each rewrite moves words, none is lost. */
    private static final int MOST_PARTS = 8;

    private PartsPlacedOn() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] out = tokens;
        for (int part = 0; part < MOST_PARTS; part++) {
            String[] next = readOne(lexicon, out, index);
            if (next == out) {
                return out;
            }
            out = next;
        }
        return out;
    }

    /** The last part placed on (so the options of the parts before it are still as said), read. */
    private static String[] readOne(Lexicon lexicon, String[] tokens, MenuIndex index) {
        int firstCount = -1;
        for (int i = 0; i < tokens.length && firstCount < 0; i++) {
            firstCount = CountedOrdinals.countsTwoOrMore(lexicon, tokens, i) ? i : -1;
        }
        if (firstCount < 0) {
            return tokens;
        }
        String[] canonical = index.canonical(tokens);
        for (int i = tokens.length - 1; i > firstCount; i--) {
            var place = lexicon.partsPlaced.longest(tokens, i);
            if (place == null || !"PLACE".equals(place.value())) {
                continue;
            }
            int at = i + place.length();
            int end = partEnd(lexicon, tokens, at);
            if (end < 0
                    || end < tokens.length
                            && (index.items.longest(canonical, end) != null
                                    || index.options.longest(canonical, end) != null)) {
                continue;
            }
            int none = noneBefore(lexicon, tokens, i);
            int start = none >= 0 ? none : optionsBefore(lexicon, tokens, i, index);
            if (start < 0) {
                continue;
            }
            var pointer = lexicon.partsPlaced.longest(tokens, at);
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, start));
            if (pointer != null && "PART".equals(pointer.value())
                    || lexicon.countedOrdinals.longest(tokens, at) != null) {
                out.add("one");
            } else {
                out.addAll(Arrays.asList(tokens).subList(at, end));
            }
            if (none < 0) {
                out.add("with");
                out.addAll(Arrays.asList(tokens).subList(start, i));
            }
            out.addAll(Arrays.asList(tokens).subList(end, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** Where the part named at {@code at} ends ("another", "the other", "two", "the third"), or -1. */
    private static int partEnd(Lexicon lexicon, String[] tokens, int at) {
        if (at >= tokens.length) {
            return -1;
        }
        var named = lexicon.partsPlaced.longest(tokens, at);
        if (named != null && "PART".equals(named.value())) {
            return at + named.length();
        }
        var rest = lexicon.restOfLine.longest(tokens, at);
        if (rest != null) {
            return at + rest.length();
        }
        var ordinal = lexicon.countedOrdinals.longest(tokens, at);
        if (ordinal != null) {
            return at + ordinal.length();
        }
        var number = lexicon.numbers.longest(tokens, at);
        boolean counts = number != null && number.length() == 1 && !lexicon.articles.contains(tokens[at])
                || tokens[at].length() <= 2 && tokens[at].chars().allMatch(Character::isDigit);
        return counts ? at + 1 : -1;
    }

    /** The start of "nothing" said right before the placing word at {@code place}, or -1. */
    private static int noneBefore(Lexicon lexicon, String[] tokens, int place) {
        for (int k = Math.max(0, place - 3); k < place; k++) {
            var none = lexicon.partsPlaced.longest(tokens, k);
            if (none != null && "NONE".equals(none.value()) && k + none.length() == place) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The start of the options said right before the placing word ("olives and peppers", "extra
     * cheese"), or -1 when no option word is there: option words, qualifiers before them and "and"
     * between them, back to the first word that is none of these (a comma, the dish, another part).
     */
    private static int optionsBefore(Lexicon lexicon, String[] tokens, int place, MenuIndex index) {
        int start = -1;
        boolean option = false;
        for (int k = place - 1; k >= 0; k--) {
            if (optionWord(lexicon, tokens, k, index)) {
                option = true;
                start = k;
            } else if (option
                    && lexicon.qualifiers.longest(tokens, k) != null
                    && lexicon.separators.longest(tokens, k) == null) {
                start = k;
            } else if (option
                    && k > 0
                    && !tokens[k].equals(",")
                    && lexicon.listJoins.contains(tokens[k])
                    && optionWord(lexicon, tokens, k - 1, index)) {
                start = k;
            } else {
                break;
            }
        }
        return option ? start : -1;
    }

    /** A word of an option's name as typed (a near miss of one may be a word like "them" or "one"). */
    static boolean optionWord(Lexicon lexicon, String[] tokens, int at, MenuIndex index) {
        return index.isMenuWord(tokens[at])
                && index.isOptionWord(index.canonical(tokens[at]))
                && lexicon.numbers.longest(tokens, at) == null
                && !inPart(lexicon, tokens, at);
    }

    /** Whether the word is in a part named before ("one of them"): no option's word then. */
    private static boolean inPart(Lexicon lexicon, String[] tokens, int at) {
        for (int s = Math.max(0, at - 2); s <= at; s++) {
            var part = lexicon.partsPlaced.longest(tokens, s);
            if (part != null && !"PLACE".equals(part.value()) && s + part.length() > at) {
                return true;
            }
        }
        return false;
    }
}
