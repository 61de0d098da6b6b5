package io.tiffin.nlu.internal;

/** Counts whose word a typo took, read back before a plural item. */
final class TypedCounts {

    private final Lexicon lexicon;

    TypedCounts(TypedWords words) {
        this.lexicon = words.lexicon();
    }

    /** Typing reach of a count a typo took: a key beside and a dropped letter. */
    private static final double COUNT_REACH = SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER;

    /**
     * A count whose word a typo took or turned into another word ("to medium pizzas", "our medium
     * cokes", "tw large pizzas", "ifv pizzas"): a short word that means nothing to the order, right
     * before a plural item (perhaps after a size or another option), is the one count of two or more
     * it is within typing reach of. Only a plural item calls for the count: "to a large pizza" and
     * "to large" alone stay what they are.
     */
    void restoreCounts(String[] tokens, MenuIndex index) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() > 5
                    || !TypedWords.isWord(token)
                    || index.isMenuWord(token)
                    || lexicon.meansSomething(token)
                    || lexicon.articles.contains(token)
                    || i > 0 && lexicon.numbers.longest(tokens, i - 1) != null
                    || !pluralItemFollows(tokens, i + 1, index)) {
                continue;
            }
            String single = TextNormalizer.withoutDoubledLetters(token);
            String best = null;
            double bestCost = Double.MAX_VALUE;
            boolean tie = false;
            boolean hindi = lexicon.writesHindi(tokens);
            for (String count : lexicon.pluralCounts) {
                if (!hindi && lexicon.hindiOnly.contains(count)) {
                    continue;
                }
                double cost = Math.min(
                        TypedWords.cost(token, count, COUNT_REACH), TypedWords.cost(single, count, COUNT_REACH));
                if (cost == Double.MAX_VALUE) {
                    continue;
                }
                if (Math.abs(cost - bestCost) < 1e-9 && !sameCount(count, best)) {
                    tie = true;
                } else if (cost < bestCost) {
                    bestCost = cost;
                    best = count;
                    tie = false;
                }
            }
            if (best != null && !tie) {
                tokens[i] = best;
            }
        }
    }

    private boolean sameCount(String a, String b) {
        return b != null
                && lexicon.numbers
                        .longest(new String[] {a}, 0)
                        .value()
                        .equals(lexicon.numbers.longest(new String[] {b}, 0).value());
    }

    /**
     * Whether a plural item's name follows, with only options of it between ("medium pizzas",
     * "medium thin crust meat lovers pizzas", "medium chicken and olive pizzas"): a list word may
     * join two options, never stand first or right before the item.
     */
    private boolean pluralItemFollows(String[] tokens, int from, MenuIndex index) {
        for (int k = from; k < Math.min(tokens.length, from + TypedWords.PLURAL_ITEM_REACH); k++) {
            if (k > from
                    && lexicon.listJoins.contains(tokens[k])
                    && k + 1 < tokens.length
                    && index.canonical(tokens[k - 1]) != null
                    && index.items.longest(TypedWords.canonicalFrom(index, tokens, k + 1), 0) == null) {
                continue;
            }
            String canonical = index.canonical(tokens[k]);
            if (canonical == null
                    || lexicon.listJoins.contains(tokens[k])
                    || lexicon.numbers.longest(tokens, k) != null) {
                return false; // another count starts another line
            }
            if (index.items.longest(TypedWords.canonicalFrom(index, tokens, k), 0) != null) {
                String typed = tokens[k];
                // "pizzas"; "pepsis" where the menu also knows the plural as a word of its own
                return typed.endsWith("s")
                        && (!canonical.endsWith("s")
                                || typed.length() > 3 && index.isMenuWord(typed.substring(0, typed.length() - 1)));
            }
        }
        return false;
    }
}
