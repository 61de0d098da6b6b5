package io.tiffin.nlu.internal;

import java.util.List;

/** Short words read as the topping their place calls for. */
final class ShortFoodWords {

    private final TypedWords words;
    private final Lexicon lexicon;

    ShortFoodWords(TypedWords words) {
        this.words = words;
        this.lexicon = words.lexicon();
    }

    /**
     * Typing reach of a short word in the place of food: two slips, which is what a word of three
     * letters has left of itself when a hurried thumb passes over it ("ma", "hs", "hhan": ham).
     */
    private static final double FOOD_SLOT_REACH = 2 * SpellIndex.MISSING_LETTER;

    /** Longest word read by its place alone. */
    private static final int FOOD_SLOT_LONGEST = 4;

    /** Reach for a word of three or four letters there: one key beside and one doubled ("haan", "jamm"). */
    private static final double FOOD_SLOT_LONG_REACH = SpellIndex.NEIGHBOUR_KEY + SpellIndex.DOUBLED;

    /**
     * A short word that reads as nothing of the order where food is named (after "with", "and", a
     * refusal or a menu word; before a list word, a menu word or the end) is the one topping near
     * it: of one or two letters, what is left of a topping of three after two slips ("with
     * pineapple and ma", "avoid am", "tuna and hs"); of three or four, a key beside and a doubled
     * letter ("onions han and", "no jamm"). A word that means something to the order (a count, an
     * article, a list word, a refusal) or is a slip from one ("nd", "on") stays.
     */
    void readShortFoodWords(String[] tokens, MenuIndex index) {
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() > FOOD_SLOT_LONGEST
                    || !TypedWords.isWord(token)
                    || index.canonical(token) != null
                    || lexicon.meansSomething(token)
                    || lexicon.articles.contains(token)
                    || lexicon.shortRefusals.contains(token)
                    || !foodBefore(tokens, i, index)
                    || !foodEnds(tokens, i + 1, index)) {
                continue;
            }
            // a word of chatter ("am", "han") is read only a slip away, and after food only when
            // food or a list word follows ("a large ha pizza", but not "tuna but no onions")
            boolean known = lexicon.knows(token);
            if (known
                    && words.namesFood(tokens[i - 1], index)
                    && (i + 1 == tokens.length
                            || !words.namesFood(tokens[i + 1], index) && !lexicon.listJoins.contains(tokens[i + 1]))) {
                continue;
            }
            if (nearFunctionWord(token) && !betweenPickAndItem(tokens, i, index) && !afterQualifier(tokens, i)) {
                continue; // "nd", "wih": a list word or separator slipped, read as such elsewhere
            }
            if (known && lexicon.fillers.contains(token)) {
                continue; // "get me", "give it": words that stand beside food as themselves
            }
            // a word of chatter only one dropped letter away ("am", "ha"), any other two slips away
            double reach =
                    token.length() > 2 ? FOOD_SLOT_LONG_REACH : known ? SpellIndex.MISSING_LETTER : FOOD_SLOT_REACH;
            SpellIndex.Match best = null;
            boolean tied = false;
            for (SpellIndex.Match m : index.shortWordsWithin(token, reach)) {
                String word = m.word();
                if (word.length() > 3 && m.cost() > SpellIndex.OTHER_KEY
                        || lexicon.knows(word)
                        || !index.onlyAddOnWord(word) && !index.itemsByWord.containsKey(word)
                        || token.length() == 1 && word.charAt(0) != token.charAt(0)) {
                    continue; // food: what is put on a dish or the dish, not a unit or a size
                }
                if (best == null
                        || m.cost() < best.cost() - 1e-9
                        || m.cost() < best.cost() + 1e-9 && m.similarity() > best.similarity() + 1e-9) {
                    tied = false;
                    best = m;
                } else if (m.cost() < best.cost() + 1e-9 && m.similarity() > best.similarity() - 1e-9) {
                    tied = true;
                }
            }
            // a dish as near as the topping ("small pe with": pie or pea) is left for the dish, even
            // when the topping's letters are the likelier (a dish noun is what the place calls for)
            // only right after a menu word (a size, a topping) may the dish's noun stand: after a
            // list word or "with" the list goes on ("tuna and hs": ham)
            List<String> dishes = best == null || !words.namesFood(tokens[i - 1], index)
                    ? List.of()
                    : index.shortWordsWithin(token, best.cost()).stream()
                            .map(SpellIndex.Match::word)
                            .filter(index.itemsByWord::containsKey)
                            .toList();
            if (dishes.size() == 1 && !tied && index.onlyAddOnWord(best.word())) {
                tokens[i] = dishes.getFirst();
            } else if (best != null && !tied && dishes.isEmpty() && index.onlyAddOnWord(best.word())) {
                tokens[i] = best.word();
            }
        }
    }

    /**
     * Whether position {@code i} stands between a pick (a size or style, no topping) and an item's
     * own name: "a large am pizza" has no place for a list word, which joins like with like.
     */
    private boolean betweenPickAndItem(String[] tokens, int i, MenuIndex index) {
        if (i == 0 || i + 1 >= tokens.length || !words.namesOnlyItem(tokens, i + 1, index)) {
            return false;
        }
        String before = index.canonical(tokens[i - 1]);
        return before != null
                && !lexicon.knows(tokens[i - 1])
                && index.isOptionWord(before)
                && !index.onlyAddOnWord(before)
                && !index.itemsByWord.containsKey(before);
    }

    /** Whether a qualifier phrase ("add", "extra", "no", "hold the") ends right before {@code i}: no list word stands there. */
    private boolean afterQualifier(String[] tokens, int i) {
        for (int start = Math.max(0, i - 3); start < i; start++) {
            var qualifier = lexicon.qualifiers.longest(tokens, start);
            if (qualifier != null && start + qualifier.length() == i) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word is a slip from a list word, separator, count or refusal ("nd", "wih", "on"). */
    private boolean nearFunctionWord(String token) {
        for (String word : words.functionWords()) {
            double reach = lexicon.listJoins.contains(word)
                    ? SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER
                    : SpellIndex.MISSING_LETTER;
            if (SpellIndex.cost(token, word, reach) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether what stands before position {@code i} calls for food: a list word, a qualifier or refusal, or a menu word. */
    private boolean foodBefore(String[] tokens, int i, MenuIndex index) {
        String before = tokens[i - 1];
        if (lexicon.listJoins.contains(before) || words.namesFood(before, index)) {
            return true;
        }
        if (lexicon.articles.contains(before) && i > 1 && foodBefore(tokens, i - 1, index)) {
            return true; // "hold the am", "with a ham"
        }
        // "with", "without", "no", "avoid", "hold the": a separator or qualifier ending right here
        for (int start = Math.max(0, i - 3); start < i; start++) {
            var separator = lexicon.separators.longest(tokens, start);
            var qualifier = lexicon.qualifiers.longest(tokens, start);
            if (separator != null && start + separator.length() == i
                    || qualifier != null && start + qualifier.length() == i) {
                return true;
            }
        }
        return false;
    }

    /** Whether food may end at position {@code i}: the end, a list word, a separator, a qualifier, a menu word or chatter. */
    private boolean foodEnds(String[] tokens, int i, MenuIndex index) {
        if (i >= tokens.length) {
            return true;
        }
        String next = tokens[i];
        return lexicon.listJoins.contains(next)
                || lexicon.separators.longest(tokens, i) != null
                || lexicon.qualifiers.longest(tokens, i) != null
                || words.namesFood(next, index)
                || lexicon.knows(next) && !lexicon.meansSomething(next) && !lexicon.articles.contains(next);
    }
}
