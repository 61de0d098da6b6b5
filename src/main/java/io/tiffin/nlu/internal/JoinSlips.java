package io.tiffin.nlu.internal;

/** A joining word ("with", "and") typed so that it reads as nothing or as a count, between a dish and a topping. */
final class JoinSlips {

    private final TypedWords words;
    private final Lexicon lexicon;

    JoinSlips(TypedWords words) {
        this.words = words;
        this.lexicon = words.lexicon();
    }

    /**
     * A count read from a typo right after a dish's own name and before a topping ("pie eih
     * peppers", "pie twi bacon", "pizza wigt extra cheese") would open a line of its own with no dish named: the word is the
     * joining word it is within two slips of, or else it is left unread, never a new line.
     */
    void uncountBeforeToppings(String[] typed, String[] tokens, MenuIndex index) {
        for (int i = 1; i + 1 < tokens.length; i++) {
            if (typed[i].equals(tokens[i]) && !words.isMenuReading(typed[i], index)
                    || lexicon.knows(typed[i])
                    || index.isMenuWord(typed[i])
                    || lexicon.numbers.longest(new String[] {TypedWords.readAs(tokens[i], index)}, 0) == null
                    || !words.namesOnlyItem(tokens, i - 1, index)
                    || !words.addOnFollowsQualified(tokens, i + 1, index)) {
                continue;
            }
            String[] asTyped = tokens.clone();
            asTyped[i] = typed[i];
            String join = joinBetweenMenuWords(asTyped, i, index);
            tokens[i] = join != null ? join : typed[i];
        }
    }

    /** Reach of a joining word typed between two menu words: two slips, a dropped letter among them. */
    private static final double JOIN_REACH = SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER;

    /** How much nearer the joining word must be than any other. */
    private static final double JOIN_MARGIN = 0.3;

    /**
     * The joining word ("with", "and") a word that reads as nothing stands for between a menu word
     * and an option ("pie twh bacon", "pizza eih sausage"), where neither a count nor another menu
     * word can stand; null when none is within two slips or two are as near.
     */
    String joinBetweenMenuWords(String[] tokens, int i, MenuIndex index) {
        if (i == 0
                || i + 1 >= tokens.length
                || !words.namesFood(tokens[i - 1], index)
                || !words.addOnFollowsQualified(tokens, i + 1, index)) {
            return null;
        }
        String best = null;
        double bestCost = Double.MAX_VALUE;
        double second = Double.MAX_VALUE;
        for (String join : words.joinWords()) {
            double cost = TypedWords.cost(tokens[i], join, JOIN_REACH + JOIN_MARGIN);
            if (cost < bestCost) {
                second = bestCost;
                bestCost = cost;
                best = join;
            } else if (cost < second) {
                second = cost;
            }
        }
        return best != null && bestCost <= JOIN_REACH + 1e-9 && second > bestCost + JOIN_MARGIN ? best : null;
    }
}
