package io.tiffin.nlu.internal;

/**
 * A word the menu knows only from an alias ("chiken" of the alias "butter chiken") is a menu word
 * as typed, so spelling correction passes it by; but where it stands outside that alias and a word
 * of a name within typing reach goes on a name with its neighbour ("2 chiken tikka": chicken tikka),
 * the sentence names the dish by its name, misspelt.
 */
final class AliasWords {

    /** Readings looked at per word. */
    private static final int READINGS = 3;

    private AliasWords() {}

    static void yielded(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 0; i < tokens.length; i++) {
            String word = tokens[i];
            String singular = TextNormalizer.singular(word);
            if (!TypedWords.isWord(word)
                    || lexicon.knows(word)
                    || !index.onlyInAliases(word) && !index.onlyInAliases(singular)
                    || inItsAlias(word, tokens, i, index)) {
                continue;
            }
            for (SpellIndex.Match m : index.spellingCandidates(word, READINGS)) {
                if (!m.word().equals(singular)
                        && index.isNameWord(m.word())
                        && TypoGuesses.nameGoesOn(m.word(), tokens, i, index)) {
                    tokens[i] = m.word();
                    break;
                }
            }
        }
    }

    /** Whether a neighbour goes on a name with the word as typed: the alias said as it is ("butter chiken"). */
    private static boolean inItsAlias(String word, String[] tokens, int i, MenuIndex index) {
        String own = index.canonical(word);
        return own != null && TypoGuesses.nameGoesOn(own, tokens, i, index);
    }
}
