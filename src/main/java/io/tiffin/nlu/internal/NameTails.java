package io.tiffin.nlu.internal;

/**
 * The second word of a menu name, mangled: "thin rst", "a tin crys pizza", "meat olves pizza". A
 * word no reading explains (or one bent into chatter) right after a menu word that opens names of
 * several words is the one word that follows it in those names within two edits
 * (Damerau-Levenshtein). A word typed as it is never changes; when two name words are as near, none
 * is guessed. The first word of such a name is read the same way by {@code readNameHeads}.
 */
final class NameTails {

    /** Edits allowed: two slips, as the noise of a hurried thumb gives. */
    private static final int EDITS = 2;
    /** Shortest typed word read so: two letters reach too many words. */
    private static final int SHORTEST = 3;

    private NameTails() {}

    /** {@code typed} is the message as typed, word for word with {@code tokens} (the words as read so far). */
    static void read(Lexicon lexicon, String[] typed, String[] tokens, MenuIndex index) {
        for (int i = 1; i < tokens.length && i < typed.length; i++) {
            String word = typed[i];
            if (!word.chars().allMatch(Character::isLetter)
                    || index.isMenuWord(word)
                    || lexicon.meansSomething(tokens[i])
                    || lexicon.articles.contains(tokens[i])
                    || lexicon.listJoins.contains(tokens[i])) {
                continue;
            }
            // "with shm": a word of the lexicons inside some name ("with", "the") opens no name here
            String before = index.canonical(tokens[i - 1]);
            if (before == null || lexicon.knows(tokens[i - 1]) && !index.isMenuWord(tokens[i - 1])) {
                continue;
            }
            // "cherry cooks", "diet sprie", "iced ta": after a word that names nothing without the
            // rest of its name, an everyday word, a short one or one bent into another menu word is
            // that rest with a slip (one edit for two letters)
            String read = index.canonical(tokens[i]);
            boolean restRequired = index.opensNamesOnly(before)
                    && (read == null || !index.followEachOther(before, read))
                    && word.length() >= 2;
            boolean plain = word.length() >= SHORTEST && !lexicon.knows(word) && read == null;
            if (!plain && !restRequired) {
                continue;
            }
            String after = index.onlyWordAfterWithin(before, word, word.length() < SHORTEST ? 1 : EDITS);
            // a real or bent word is read so only as it starts ("all set" is no "all meat")
            if (after != null && !plain && after.charAt(0) != word.charAt(0)) {
                after = null;
            }
            if (after != null && !lexicon.knows(after)) {
                tokens[i] = after;
            }
        }
    }
}
