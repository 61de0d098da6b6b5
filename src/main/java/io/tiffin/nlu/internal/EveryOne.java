package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * "two lattes and a cappuccino, all three with an extra shot", "six subs, every one with swiss",
 * "pickles on the both of them": a distributive word said at length ({@code distributive-said.txt})
 * or followed by the count of what it spreads over ("all three", "on all 3 of them") is read as
 * the word alone. Read as they
 * stood, "all three" counted a line of no dish and "every one with swiss" made a part of one.
 */
final class EveryOne {

    private static final PhraseTable<String[]> PHRASES =
            PhraseTable.readings(EveryOne.class.getClassLoader(), "distributive-said.txt");

    private EveryOne() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        List<String> out = new ArrayList<>(tokens.length);
        boolean changed = false;
        for (int i = 0; i < tokens.length; i++) {
            var phrase = PHRASES.longest(tokens, i);
            if (phrase != null && menuWordBefore(lexicon, tokens, i, index)) {
                out.addAll(List.of(phrase.value()));
                i += phrase.length() - 1;
                changed = true;
                continue;
            }
            out.add(tokens[i]);
            if (lexicon.distributive.contains(tokens[i])
                    && i + 1 < tokens.length
                    && isCount(lexicon, tokens[i + 1])
                    && menuWordBefore(lexicon, tokens, i, index)) {
                // "all three with an extra shot": the count of the lines said, not a line
                i++;
                changed = true;
            }
        }
        return changed ? out.toArray(String[]::new) : tokens;
    }

    private static boolean isCount(Lexicon lexicon, String token) {
        if (token.length() <= 2 && token.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(token) > 1;
        }
        var number = lexicon.numbers.longest(new String[] {token}, 0);
        return number != null && number.value() > 1;
    }

    private static boolean menuWordBefore(Lexicon lexicon, String[] tokens, int end, MenuIndex index) {
        for (int k = 0; k < end; k++) {
            if (index.canonical(tokens[k]) != null && !lexicon.knownWords.contains(tokens[k])) {
                return true;
            }
        }
        return false;
    }
}
