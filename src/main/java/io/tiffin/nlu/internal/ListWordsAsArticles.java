package io.tiffin.nlu.internal;

/** List words that lost a letter and became an article ("tuna an ham"). */
final class ListWordsAsArticles {

    private final TypedWords words;
    private final Lexicon lexicon;

    ListWordsAsArticles(TypedWords words) {
        this.words = words;
        this.lexicon = words.lexicon();
    }

    /**
     * A list word that lost its last letter and became an article ("sausage an tuna pie", "tuna an
     * ham"): an article that begins a list word one letter longer, between two menu words, where
     * the next word begins with a consonant (an article "an" stands before a vowel), is the list
     * word. "an onion" and "i'd like an pepperoni pizza" stay as typed (no menu word before).
     */
    void readListWordsTypedAsArticles(String[] tokens, MenuIndex index) {
        for (int i = 1; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            String next = tokens[i + 1];
            if (!lexicon.articles.contains(token)
                    || token.length() < 2
                    || next.isEmpty()
                    || "aeiou".indexOf(next.charAt(0)) >= 0
                    || !Character.isLetter(next.charAt(0))
                    || lexicon.articles.contains(tokens[i - 1])
                    || !words.isMenuReading(tokens[i - 1], index)
                    || !words.namesFood(tokens[i - 1], index)
                    || !words.isMenuReading(next, index)
                    || !words.namesFood(next, index)) {
                continue;
            }
            for (String join : lexicon.listJoins) {
                if (join.length() == token.length() + 1 && join.startsWith(token)) {
                    tokens[i] = join;
                    break;
                }
            }
        }
    }
}
