package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The people an order is for, named by their given names ("a latte for mark and a mocha for sam",
 * "for sam and ben two cappuccinos", "jen a small latte, mark a large americano", "mark wants an
 * americano"): taken out before misspelt words are read, so no name is read as the menu word it is
 * a typing slip away from ("mark" dark roast, "ben" beans, "pam" pan). A name is a person only
 * where a person is named: after a word of {@code person-before.txt} ("for"), before a count, an
 * article or a word of {@code person-after.txt} ("wants"), or joined by a list word to such a
 * name; anywhere else, and wherever the menu itself uses the word, it keeps its reading.
 */
final class PersonNames {

    private final Set<String> names;
    private final Set<String> before;
    private final Set<String> after;

    PersonNames() {
        ClassLoader loader = PersonNames.class.getClassLoader();
        this.names = Set.copyOf(Lexicon.lines(loader, "person-names.txt"));
        this.before = Set.copyOf(Lexicon.lines(loader, "person-before.txt"));
        this.after = Set.copyOf(Lexicon.lines(loader, "person-after.txt"));
    }

    String[] dropped(Lexicon lexicon, String[] tokens, MenuIndex index) {
        boolean[] person = new boolean[tokens.length];
        boolean any = false;
        for (int i = 0; i < tokens.length; i++) {
            if (isName(tokens[i], index) && (i > 0 && before.contains(tokens[i - 1]) || namesBefore(lexicon, tokens, i))
                    || unlistedName(lexicon, tokens, i, index)) {
                person[i] = true;
                any = true;
            }
        }
        if (!any) {
            return tokens;
        }
        // "for sam and ben", "sam and ben want": the names a list word joins to a person's
        for (boolean grew = true; grew; ) {
            grew = false;
            for (int i = 0; i < tokens.length; i++) {
                if (person[i] || !isName(tokens[i], index)) {
                    continue;
                }
                boolean joinedBefore = i >= 2 && person[i - 2] && lexicon.listJoins.contains(tokens[i - 1]);
                boolean joinedAfter =
                        i + 2 < tokens.length && person[i + 2] && lexicon.listJoins.contains(tokens[i + 1]);
                if (joinedBefore || joinedAfter) {
                    person[i] = true;
                    grew = true;
                }
            }
        }
        List<String> out = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            if (person[i]) {
                if (i + 1 < tokens.length && after.contains(tokens[i + 1])) {
                    i++; // "mark wants": the person's verb goes with the person, not onto the line before
                }
                continue;
            }
            out.add(tokens[i]);
        }
        return out.toArray(String[]::new);
    }

    /**
     * "a latte for siobhan", "a sub for olivia, a coke for rica": a word no lexicon and no menu knows,
     * right after "for" and closing its line, names a person however few names the list holds; read
     * as a typo it became an option the customer never asked for (olives, rice).
     */
    private boolean unlistedName(Lexicon lexicon, String[] tokens, int i, MenuIndex index) {
        String token = tokens[i];
        if (i == 0 || !before.contains(tokens[i - 1]) || !isWord(token)) {
            return false;
        }
        if (lexicon.knownWords.contains(token)
                || index.isMenuWord(token)
                || index.cheapSlipOfMenuWord(token) // "go for mushroomms and peppers"
                || lexicon.numbers.longest(tokens, i) != null) {
            return false;
        }
        return i + 1 == tokens.length
                || lexicon.listJoins.contains(tokens[i + 1])
                || lexicon.fillers.contains(tokens[i + 1])
                || namesBefore(lexicon, tokens, i);
    }

    private static boolean isWord(String token) {
        return token.length() > 1 && token.codePoints().allMatch(Character::isLetter);
    }

    /** Whether the word is a given name the menu does not use itself. */
    private boolean isName(String token, MenuIndex index) {
        return names.contains(token) && !index.isMenuWord(token);
    }

    /** "mark a large americano", "mark wants ...", "priya 2 lassis": a count, an article or a person's verb after it. */
    private boolean namesBefore(Lexicon lexicon, String[] tokens, int i) {
        if (i + 1 >= tokens.length) {
            return false;
        }
        String next = tokens[i + 1];
        return after.contains(next)
                || lexicon.articles.contains(next)
                || lexicon.numbers.longest(tokens, i + 1) != null;
    }
}
