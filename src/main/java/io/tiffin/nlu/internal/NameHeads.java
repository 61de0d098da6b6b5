package io.tiffin.nlu.internal;

/** The first word of a two-word name, read from the name's other word. */
final class NameHeads {

    private final Lexicon lexicon;

    NameHeads(TypedWords words) {
        this.lexicon = words.lexicon();
    }

    /** Reach of the first word of a name before the name's other word: two slips, a dropped letter among them. */
    private static final double NAME_HEAD_REACH = SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER;

    /** Shortest word read so: two letters are too little to tell a name's word by ("bt", "na"). */
    private static final int NAME_HEAD_SHORTEST = 3;

    /** How much nearer the chosen first word must be than any other before the same word. */
    private static final double NAME_HEAD_MARGIN = 0.3;

    /**
     * A word that reads as nothing right before a word of the menu's names is the word that stands
     * before it in one of those names ("the ihn crust", "a tthi crust", "thmi crust": thin), when it
     * is within two slips of it and clearly nearer than any other word that does ("thick").
     */
    void readNameHeads(String[] tokens, MenuIndex index) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            if (!TypedWords.isWord(token) || index.isMenuWord(token)) {
                continue;
            }
            String next = index.canonical(tokens[i + 1]);
            if (next == null || lexicon.knows(tokens[i + 1]) && !index.isMenuWord(tokens[i + 1])) {
                continue;
            }
            // "hon crust", "a tihn crust": before a word that names nothing without its head, an
            // everyday word that means nothing there, or one bent into another menu word, is that
            // head with up to two letters dropped
            boolean headRequired = index.closesNamesOnly(next) && !meansSomething(token);
            if (headRequired
                    ? token.length() < NAME_HEAD_SHORTEST
                            || index.wordsBefore(next).contains(index.canonical(token))
                    : token.length() < NAME_HEAD_SHORTEST || lexicon.knows(token) || index.canonical(token) != null) {
                continue;
            }
            double reach = headRequired ? REQUIRED_HEAD_REACH : NAME_HEAD_REACH;
            String best = null;
            double bestCost = Double.MAX_VALUE;
            double second = Double.MAX_VALUE;
            for (String head : index.wordsBefore(next)) {
                double cost = TypedWords.cost(token, head, reach + NAME_HEAD_MARGIN);
                if (cost < bestCost) {
                    second = bestCost;
                    bestCost = cost;
                    best = head;
                } else if (cost < second) {
                    second = cost;
                }
            }
            if (best != null && bestCost <= reach + 1e-9 && second > bestCost + NAME_HEAD_MARGIN) {
                tokens[i] = best;
            }
        }
    }

    /** Reach of a head the next word cannot do without: two letters dropped. */
    private static final double REQUIRED_HEAD_REACH = 2 * SpellIndex.MISSING_LETTER;

    /** A word of the lexicons' own (a count, a turn, a list word, an article) keeps its reading wherever it stands. */
    private boolean meansSomething(String token) {
        return lexicon.meansSomething(token)
                || lexicon.meaningful.contains(token)
                || lexicon.articles.contains(token)
                || lexicon.listJoins.contains(token);
    }
}
