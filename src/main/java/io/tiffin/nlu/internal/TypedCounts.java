package io.tiffin.nlu.internal;

import java.util.List;

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
    void restoreCounts(String[] typed, String[] tokens, MenuIndex index) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            // a typo spelling bent into a menu or lexicon word ("ix": ice, "suc": sauce) right
            // before a size of a plural item: there only a count, an article or a list word stands
            boolean bent = i < typed.length
                    && !typed[i].equals(token)
                    && typed[i].length() <= 5
                    && beforePick(tokens, i + 1, index)
                    && !lexicon.knows(typed[i])
                    && !index.isMenuWord(typed[i]);
            if (bent) {
                token = typed[i];
            }
            if (token.length() > 5
                    || !TypedWords.isWord(token)
                    || !bent && (index.isMenuWord(token) || lexicon.meansSomething(token))
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

    /** Whether a word of a pick (a size, a crust) that names no item stands at {@code i}. */
    private static boolean beforePick(String[] tokens, int i, MenuIndex index) {
        String canonical = i < tokens.length ? index.canonical(tokens[i]) : null;
        return canonical != null
                && !index.pickWordsWithin(canonical, 0).isEmpty()
                && !index.itemsByWord.containsKey(canonical);
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
        return itemFollows(tokens, from, index, true);
    }

    /** Whether an item's name follows with only options of it between, said in the plural or (when not {@code plural}) not. */
    private boolean itemFollows(String[] tokens, int from, MenuIndex index, boolean plural) {
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
                boolean saidPlural = typed.endsWith("s")
                        && (!canonical.endsWith("s")
                                || typed.length() > 3 && index.isMenuWord(typed.substring(0, typed.length() - 1)));
                return saidPlural == plural;
            }
        }
        return false;
    }

    /**
     * The count of a new line whose word a typo left unread ("pizza and ne small coke", "and oe
     * medium sprite"): right after a list word and before a singular item (perhaps after its
     * options), a short word that reads as nothing is the word for one it is within typing reach
     * of, when no other count is as near. Left unread, the options after it would go to the line
     * before ("small" to the pizza); read, they open the line they were said for. It adds no line:
     * the item after it is ordered either way.
     */
    void restoreOnes(String[] tokens, MenuIndex index) {
        List<String> ones = lexicon.numberWords.getOrDefault(1, List.of());
        for (int i = 1; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() > 4
                    || !TypedWords.isWord(token)
                    || lexicon.knows(token)
                    || index.isMenuWord(token)
                    || index.canonical(token) != null
                    || !lexicon.listJoins.contains(tokens[i - 1])
                    || !itemFollows(tokens, i + 1, index, false)) {
                continue;
            }
            String single = TextNormalizer.withoutDoubledLetters(token);
            boolean hindi = lexicon.writesHindi(tokens);
            String best = null;
            double bestCost = Double.MAX_VALUE;
            for (String one : ones) {
                if (!hindi && lexicon.hindiOnly.contains(one)) {
                    continue;
                }
                double cost =
                        Math.min(TypedWords.cost(token, one, COUNT_REACH), TypedWords.cost(single, one, COUNT_REACH));
                if (cost < bestCost) {
                    bestCost = cost;
                    best = one;
                }
            }
            if (best == null || bestCost == Double.MAX_VALUE) {
                continue;
            }
            double limit = bestCost;
            boolean rival = lexicon.pluralCounts.stream()
                    .filter(c -> hindi || !lexicon.hindiOnly.contains(c))
                    .anyMatch(c -> TypedWords.cost(token, c, limit) < Double.MAX_VALUE
                            || TypedWords.cost(single, c, limit) < Double.MAX_VALUE);
            if (!rival) {
                tokens[i] = best;
            }
        }
    }
}
