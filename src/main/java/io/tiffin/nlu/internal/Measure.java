package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A measure said as a number and a unit ("20 oz", "twenty ounce", "750ml", "2 pcs"), its unit as
 * {@code units.txt} names it. Menu names and messages are read the same way, so a size the menu
 * writes "20 oz Bottle" is found however the customer spells it, and its number is never a count.
 */
record Measure(int value, String unit) {

    /** The unit {@code units.txt} gives pieces ("2 pcs"): a count of the dish, never dropped as a size. */
    private static final String PIECES = "pc";

    /** A measure read at a position, and how many tokens it took. */
    record At(Measure measure, int length) {}

    /** The measure said at {@code from}, or null. */
    static At at(Lexicon lexicon, String[] tokens, int from) {
        if (from >= tokens.length) {
            return null;
        }
        int value;
        int numberLength;
        if (tokens[from].matches("\\d{1,5}")) {
            value = Integer.parseInt(tokens[from]);
            numberLength = 1;
        } else {
            var number = lexicon.numbers.longest(tokens, from);
            if (number == null || number.length() == 1 && lexicon.articles.contains(tokens[from])) {
                return null; // "a litre" says no number
            }
            value = number.value();
            numberLength = number.length();
        }
        if (from + numberLength >= tokens.length) {
            return null;
        }
        var unit = lexicon.units.longest(tokens, from + numberLength);
        if (unit == null) {
            unit = lexicon.units.longest(new String[] {TextNormalizer.singular(tokens[from + numberLength])}, 0);
            if (unit == null || unit.length() != 1) {
                return null;
            }
        }
        return new At(new Measure(value, unit.value()), numberLength + unit.length());
    }

    /** The measure as the index and a rewritten message spell it: "20", "oz". */
    String[] tokens() {
        return new String[] {String.valueOf(value), unit};
    }

    /**
     * The tokens without each measure whose unit {@code sold} refuses: "one 12 inch pizza" is one
     * pizza where nothing is sold by the inch (its number is no count, and no dish is named "inch").
     */
    static String[] unsold(Lexicon lexicon, String[] tokens, Predicate<String> sold) {
        List<String> out = null;
        for (int i = 0; i < tokens.length; i++) {
            At at = at(lexicon, tokens, i);
            if (at != null
                    && tokens[i].chars().allMatch(Character::isDigit)
                    && !at.measure().unit().equals(PIECES)
                    && !sold.test(at.measure().unit())) {
                if (out == null) {
                    out = new ArrayList<>(List.of(tokens).subList(0, i));
                }
                i += at.length() - 1;
            } else if (out != null) {
                out.add(tokens[i]);
            }
        }
        return out == null ? tokens : out.toArray(String[]::new);
    }

    /**
     * The tokens with each measure that {@code known} accepts spelt one way ("two twenty ounce cokes"
     * is "two 20 oz cokes" when the menu has a 20 oz size); the others as they were.
     */
    static String[] spelt(Lexicon lexicon, String[] tokens, Predicate<Measure> known) {
        List<String> out = null;
        for (int i = 0; i < tokens.length; i++) {
            At at = at(lexicon, tokens, i);
            if (at != null && known.test(at.measure())) {
                if (out == null) {
                    out = new ArrayList<>(List.of(tokens).subList(0, i));
                }
                out.addAll(List.of(at.measure().tokens()));
                i += at.length() - 1;
            } else if (out != null) {
                out.add(tokens[i]);
            }
        }
        return out == null ? tokens : out.toArray(String[]::new);
    }
}
