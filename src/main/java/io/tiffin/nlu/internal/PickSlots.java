package io.tiffin.nlu.internal;

import java.util.List;

/** A word where a size or style goes, read as the menu's pick it is nearest. */
final class PickSlots {

    private final TypedWords words;
    private final Lexicon lexicon;

    PickSlots(TypedWords words) {
        this.words = words;
        this.lexicon = words.lexicon();
    }

    /** Reach of a word in the place of a size or style: two slips of any kind. */
    private static final double PICK_SLOT_REACH = 2 * SpellIndex.OTHER_KEY;

    /**
     * A word that reads as nothing between an article or a count and a menu word ("a mal pizza",
     * "two msll cheese pizzas", "six mmall pies") stands where a size or style goes: it is the one
     * word of the menu's picks within two slips of it, when no other is as near.
     */
    void readPickSlots(String[] tokens, MenuIndex index) {
        for (int i = 1; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            String before = tokens[i - 1];
            // a real word that means nothing there ("a are iced tea") is read only as a pick it is
            // a pick's letters short of: right after an article or count only a pick or food stands
            boolean real = lexicon.knows(token);
            if (!TypedWords.isWord(token)
                    || token.length() < (real ? 3 : 2)
                    || real && !meansNothingThere(token)
                    || index.isMenuWord(token)
                    || !lexicon.articles.contains(before) && lexicon.numbers.longest(tokens, i - 1) == null
                    || !words.namesFood(tokens[i + 1], index)
                    || real && !words.isMenuReading(tokens[i + 1], index)) {
                continue;
            }
            List<SpellIndex.Match> near = index.pickWordsWithin(token, real ? REAL_WORD_REACH : PICK_SLOT_REACH);
            List<String> dish = dishAhead(tokens, i + 1, index);
            if (!dish.isEmpty()) {
                // "a mal pizza": a pick of the dish named ahead (small), not a drink's "ml"
                near = near.stream()
                        .filter(m -> index.optionWordOf(m.word(), dish))
                        .toList();
            }
            if (near.isEmpty()
                    || near.getFirst().word().length() < token.length()
                    || real && near.getFirst().word().length() == token.length()
                    || near.size() > 1 && near.get(1).cost() < near.getFirst().cost() + 1e-9) {
                continue;
            }
            // a reading of its own elsewhere in the menu stands unless the pick is about as near
            // ("sanll" is small, not san pellegrino; "mal" small, not mls)
            String read = index.canonical(token);
            double readCost = read == null ? Double.MAX_VALUE : SpellIndex.cost(token, read, 2 * PICK_SLOT_REACH);
            if (read == null || readCost < 0 || near.getFirst().cost() <= readCost + SpellIndex.NEIGHBOUR_KEY) {
                tokens[i] = near.getFirst().word();
            }
        }
    }

    /** Reach of a real word there: two letters dropped ("are": large). */
    private static final double REAL_WORD_REACH = 2 * SpellIndex.MISSING_LETTER;

    /** Whether a lexicon word says nothing to an order (no count, list word, qualifier, article, filler). */
    private boolean meansNothingThere(String token) {
        return !lexicon.meansSomething(token)
                && !lexicon.articles.contains(token)
                && !lexicon.fillers.contains(token)
                && !lexicon.shortRefusals.contains(token);
    }

    /** The items named a few words ahead, only their options between ("mushroom bacon and pepperoni pizza"); or none. */
    private List<String> dishAhead(String[] tokens, int from, MenuIndex index) {
        for (int k = from; k < Math.min(tokens.length, from + TypedWords.PLURAL_ITEM_REACH); k++) {
            var item = index.items.longest(TypedWords.canonicalFrom(index, tokens, k), 0);
            if (item != null) {
                return item.value();
            }
            if (index.canonical(tokens[k]) == null && !lexicon.listJoins.contains(tokens[k])) {
                return List.of();
            }
        }
        return List.of();
    }
}
