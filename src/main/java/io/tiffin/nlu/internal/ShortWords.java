package io.tiffin.nlu.internal;

import java.util.Set;

/** Words of one or two letters read by their place: refusals, list words, short menu words. */
final class ShortWords {

    private final TypedWords words;
    private final Lexicon lexicon;

    ShortWords(TypedWords words) {
        this.words = words;
        this.lexicon = words.lexicon();
    }

    /**
     * Words of one or two letters that are no word: too short to correct anywhere, but in an order
     * their place tells. Right before a menu word, one a slip from a two-letter refusal is the
     * refusal ("bo peppers", "with o tuna"); after a list word or a menu word, a two-letter one is
     * the only three-letter menu word it is a slip from ("with onions and hm": ham).
     */
    void correctShortWords(String[] tokens, MenuIndex index) {
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            boolean listed = i > 0
                    && (lexicon.separators.longest(tokens, i - 1) != null
                            || lexicon.qualifiers.longest(tokens, i - 1) != null
                            || index.canonical(tokens[i - 1]) != null);
            boolean beforeOption = i + 1 < tokens.length
                    && index.options.longest(TypedWords.canonicalFrom(index, tokens, i + 1), 0) != null;
            if (token.length() == 2
                    && lexicon.knows(token)
                    && listed
                    && beforeOption
                    && !lexicon.shortRefusals.contains(token)
                    && lexicon.qualifiers.longest(tokens, i) == null) {
                // "with on ham": a word two swapped letters from a refusal, between a list word and
                // an option, is the refusal; "on" is no place for a topping to be
                String refusal = lexicon.shortRefusals.stream()
                        .filter(r -> SpellIndex.cost(token, r, SpellIndex.SWAP) >= 0)
                        .findFirst()
                        .orElse(null);
                boolean afterListWord = lexicon.separators.longest(tokens, i - 1) != null
                        || lexicon.qualifiers.longest(tokens, i - 1) != null;
                if (refusal != null && afterListWord && !insideLexiconPhrase(tokens, i)) {
                    tokens[i] = refusal;
                }
                continue;
            }
            if (lexicon.articles.contains(token)
                    && i > 0
                    && i + 1 < tokens.length
                    && index.canonical(tokens[i - 1]) != null
                    && !lexicon.knows(tokens[i - 1])
                    && (lexicon.qualifiers.longest(tokens, i + 1) != null
                            || index.items.longest(TypedWords.canonicalFrom(index, tokens, i + 1), 0) == null
                                    && index.options.longest(TypedWords.canonicalFrom(index, tokens, i + 1), 0)
                                            != null)) {
                // "bacon an sausage": an article right after a menu word and before an option is
                // the list word it is a letter short of ("and an pizza" stays an article)
                String join = onlyNear(token, lexicon.listJoins, SpellIndex.MISSING_LETTER);
                if (join != null) {
                    tokens[i] = join;
                    continue;
                }
            }
            if (token.length() <= 3
                    && i > 0
                    && i + 1 < tokens.length
                    && !lexicon.knows(token)
                    && !index.isMenuWord(token)
                    && words.namesFood(tokens[i - 1], index)
                    && words.namesFood(tokens[i + 1], index)
                    && Character.isLetter(token.charAt(0))) {
                // "mushroom sdn tuna": between two menu words, the one list word a slip or two away
                String join = onlyNear(token, lexicon.listJoins, SpellIndex.OTHER_KEY);
                if (join != null) {
                    tokens[i] = join;
                    continue;
                }
            }
            if (token.length() > 2
                    || token.length() == 2 && token.charAt(0) == token.charAt(1) && lexicon.knows(token.substring(1))
                    || lexicon.knows(token)
                    || index.isMenuWord(token)
                    || !Character.isLetter(token.charAt(0))) {
                continue;
            }
            if (i + 1 < tokens.length
                    && words.namesFood(tokens[i + 1], index)
                    && !words.namesOnlyItem(tokens, i + 1, index)) {
                // one letter after a list word is no word at all: a slip and a dropped letter
                // (before a dish's own name, "thin crust h pizza", a refusal has nothing to refuse)
                double reach = token.length() == 2
                        ? SpellIndex.NEIGHBOUR_KEY
                        : listed ? SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER : SpellIndex.MISSING_LETTER;
                String refusal = lexicon.shortRefusals.stream()
                        .filter(r -> SpellIndex.cost(token, r, reach) >= 0)
                        .findFirst()
                        .orElse(null);
                if (refusal != null) {
                    tokens[i] = refusal;
                    continue;
                }
            }
            if (token.length() == 2 && listed) {
                String word = index.onlyShortWordNear(token);
                // a word that names nothing by itself ("ale" of ginger ale) is no reading of two
                // letters unless the rest of its name is beside it ("small ze": size, not ale)
                if (word != null
                        && (!TypoGuesses.namesNothingAlone(word, index)
                                || TypoGuesses.nameGoesOn(word, tokens, i, index))) {
                    tokens[i] = word;
                }
            }
        }
    }

    /** Whether a word is part of a qualifier or separator phrase that starts before it ("heavy on"). */
    private boolean insideLexiconPhrase(String[] tokens, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            var qualifier = lexicon.qualifiers.longest(tokens, k);
            var separator = lexicon.separators.longest(tokens, k);
            if (qualifier != null && k + qualifier.length() > i || separator != null && k + separator.length() > i) {
                return true;
            }
        }
        return false;
    }

    /** The one word of {@code words} within {@code reach} typing cost of a token, or null. */
    private static String onlyNear(String token, Set<String> words, double reach) {
        String found = null;
        for (String word : words) {
            if (word.length() > 1 && Character.isLetter(word.charAt(0)) && SpellIndex.cost(token, word, reach) >= 0) {
                if (found != null) {
                    return null;
                }
                found = word;
            }
        }
        return found;
    }
}
