package io.tiffin.nlu.internal;

/**
 * The verb of a request, misspelt. Right after "i", "we", "you", "would" (a word of
 * {@code before-verb.txt} that opens the message or follows chatter) stands the verb: "i neef a
 * medium pie", "i watned a large", "i het a medium pie", "i'd ikle chicken". A typo there read as a
 * dish, option, count or refusal ("beef", "water", "i hate" refusing the size, "pickles") orders or
 * refuses what the customer never named, so it is read as the ordering verb it nearly always is.
 * A word typed as it is never changes here; nor does a typo read as chatter ("i wnat": want).
 */
final class VerbSlots {

    /** What an unread verb of a request is read as: a filler, which names nothing. */
    static final String REQUEST = "want";

    private VerbSlots() {}

    static void unbend(Lexicon lexicon, String[] typed, String[] tokens, MenuIndex index) {
        for (int i = 1; i < tokens.length && i < typed.length; i++) {
            String word = typed[i];
            if (!verbExpected(lexicon, tokens, i, index)
                    || !word.chars().allMatch(Character::isLetter)
                    || lexicon.knows(word)
                    || index.isMenuWord(word)) {
                continue;
            }
            String read = tokens[i];
            boolean ordersSomething = index.canonical(read) != null
                    || lexicon.meansSomething(read)
                    || lexicon.qualifiers.longest(tokens, i - 1) != null; // "i het": "i hate" refuses
            if (ordersSomething) {
                tokens[i] = REQUEST;
            }
        }
    }

    /** Whether a verb stands at {@code i}: after "i", "we", "would"..., which opens the message or follows chatter. */
    private static boolean verbExpected(Lexicon lexicon, String[] tokens, int i, MenuIndex index) {
        if (!lexicon.beforeVerb.contains(tokens[i - 1])) {
            return false;
        }
        if (i == 1) {
            return true;
        }
        // "with i peppres": an "i" after a list word is a slip of another word ("no"), not a subject
        String before = tokens[i - 2];
        return lexicon.fillers.contains(before) // "can i het a large"
                || lexicon.knows(before) && !lexicon.meansSomething(before) && index.canonical(before) == null;
    }
}
