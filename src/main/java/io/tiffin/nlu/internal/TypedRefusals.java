package io.tiffin.nlu.internal;

/** Refusals whose word a typo took, read back where only a refusal fits. */
final class TypedRefusals {

    private final TypedWords words;
    private final Lexicon lexicon;

    TypedRefusals(TypedWords words) {
        this.words = words;
        this.lexicon = words.lexicon();
    }

    /**
     * A refusal whose word a typo took ("od the tuna", "with nn ham", "but n ham", "mmo peppers",
     * "do ot add any peppers"): a short word that is no word, or a letter or two that completes a
     * refusal phrase with its neighbours, right before an option, is read as the refusal when it is
     * within typing reach of the refusal word and no list word, article or count is nearer. Reading
     * a refusal where "and" was meant loses an option the customer can add again; reading an
     * addition where "no" was meant puts on the plate what they refused, so a tie goes to the refusal.
     */
    void restoreRefusals(String[] tokens, MenuIndex index) {
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() > 4 || !TypedWords.isWord(token) || index.isMenuWord(token)) {
                continue;
            }
            boolean known = lexicon.knows(token);
            if (known
                    && (token.length() > 2
                            || lexicon.refusalRivals.contains(token) && !lexicon.listJoins.contains(token)
                            || lexicon.qualifiers.longest(tokens, i) != null
                            || lexicon.numbers.longest(tokens, i) != null)) {
                continue;
            }
            String single = TextNormalizer.withoutDoubledLetters(token);
            String best = null;
            double bestCost = Double.MAX_VALUE;
            boolean inPhrase = false;
            for (String[] phrase : lexicon.refusalPhrases) {
                for (int j = 0; j < phrase.length; j++) {
                    int start = i - j;
                    int end = start + phrase.length;
                    if (start < 0
                            || end > tokens.length
                            || !fits(tokens, phrase, start, i)
                            || !optionFollows(tokens, end, index)) {
                        continue;
                    }
                    // a word known as something else is read as a refusal only inside a phrase
                    // whose other words are there ("but n ham"); an unknown one also alone
                    if (known && phrase.length < 2) {
                        continue;
                    }
                    // the rest of a phrase there is evidence enough for two dropped letters ("od the")
                    double reach = phrase.length > 1 && !known ? 2 * SpellIndex.MISSING_LETTER : SpellIndex.OTHER_KEY;
                    double cost = Math.min(
                            TypedWords.cost(single, phrase[j], reach), TypedWords.cost(token, phrase[j], reach));
                    if (phrase.length == 1 && !known && refusalExpected(tokens, i, index)) {
                        // where only a refusal fits, also its letters swapped and one slipped ("ob": on, no)
                        cost = Math.min(cost, swappedCost(token, phrase[j], reach));
                    }
                    if (cost < bestCost || cost == bestCost && phrase.length > 1) {
                        bestCost = cost;
                        best = phrase[j];
                        inPhrase = phrase.length > 1;
                    }
                }
            }
            if (best == null || bestCost == Double.MAX_VALUE) {
                continue;
            }
            // inside a refusal phrase whose other words are there, nothing else fits ("od the tuna")
            if (!known && !inPhrase) {
                // alone, an unknown word is a refusal only where nothing else can stand: before a
                // topping, right after a list word (no second list word or count fits: "and nn
                // pepperoni", "with ob pesto") or after "but" ("but hhod chicken"), unless an article
                // is nearer; elsewhere "nwt", "wot" and "nly" are not, with, only
                if (!refusalExpected(tokens, i, index)
                        && !(betweenMenuWordAndTopping(tokens, i, index)
                                && noListWordAsNear(token, single, bestCost))) {
                    continue;
                }
                double limit = bestCost - STRICTLY_NEARER;
                boolean articleNearer = limit >= 0
                        && lexicon.articles.stream()
                                .anyMatch(a -> TypedWords.cost(single, a, limit) < Double.MAX_VALUE
                                        || TypedWords.cost(token, a, limit) < Double.MAX_VALUE);
                if (articleNearer) {
                    continue;
                }
            }
            tokens[i] = best;
        }
    }

    /** Margin by which a rival must be nearer, beyond the tolerance of {@link SpellIndex#cost}. */
    private static final double STRICTLY_NEARER = 0.01;

    /**
     * Whether only a refusal fits at {@code i}: a topping follows, and before stands a list word or
     * a separator that joins ("and", "with"), or the first word of a refusal phrase ("but").
     */
    private boolean refusalExpected(String[] tokens, int i, MenuIndex index) {
        if (i == 0 || !words.addOnFollows(tokens, i + 1, index)) {
            return false;
        }
        if (words.afterListWord(tokens, i)) {
            return true;
        }
        for (String[] phrase : lexicon.refusalPhrases) {
            if (phrase.length > 1 && phrase[0].equals(tokens[i - 1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a word of two letters stands between a menu word (the dish, a topping) and a topping:
     * there a list word or a refusal goes ("tuna mi peppers", "pizza mp pepperoni"), nothing else.
     */
    private boolean betweenMenuWordAndTopping(String[] tokens, int i, MenuIndex index) {
        return i > 0
                && tokens[i].length() == 2
                && words.namesFood(tokens[i - 1], index)
                && !lexicon.knows(tokens[i - 1])
                && words.addOnFollows(tokens, i + 1, index);
    }

    /** Whether no list word ("and", "with") is as near to the typed word as the refusal: a tie goes to the list. */
    private boolean noListWordAsNear(String token, String single, double cost) {
        for (String join : lexicon.refusalRivals) {
            if (!lexicon.articles.contains(join)
                    && lexicon.numbers.longest(new String[] {join}, 0) == null
                    && (TypedWords.cost(single, join, cost) < Double.MAX_VALUE
                            || TypedWords.cost(token, join, cost) < Double.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    /** Typing cost of a word read as {@code word} with two of its letters swapped, then up to {@code reach}. */
    private static double swappedCost(String typed, String word, double reach) {
        double best = Double.MAX_VALUE;
        for (int k = 0; k + 1 < word.length(); k++) {
            char[] swapped = word.toCharArray();
            swapped[k] = word.charAt(k + 1);
            swapped[k + 1] = word.charAt(k);
            best = Math.min(
                    best, SpellIndex.SWAP + TypedWords.cost(typed, new String(swapped), reach - SpellIndex.SWAP));
        }
        return best;
    }

    /** Whether the tokens from {@code start} match a phrase everywhere but at {@code at}. */
    private static boolean fits(String[] tokens, String[] phrase, int start, int at) {
        for (int k = 0; k < phrase.length; k++) {
            if (start + k != at && !phrase[k].equals(tokens[start + k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an option of the menu (not an item's name) follows, perhaps after an article, or
     * after a qualifier that adds ("without te extra cheese": the refusal covers the extra).
     */
    private boolean optionFollows(String[] tokens, int from, MenuIndex index) {
        var qualifier = from < tokens.length ? lexicon.qualifiers.longest(tokens, from) : null;
        if (qualifier != null && qualifier.value() != io.tiffin.nlu.ParseResult.Qualifier.NO) {
            from += qualifier.length();
        }
        for (int k = from; k < Math.min(tokens.length, from + 2); k++) {
            if (index.options.longest(TypedWords.canonicalFrom(index, tokens, k), 0) != null
                    && index.items.longest(TypedWords.canonicalFrom(index, tokens, k), 0) == null) {
                return true;
            }
            if (!lexicon.articles.contains(tokens[k])) {
                return false;
            }
        }
        return false;
    }
}
