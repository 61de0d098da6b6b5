package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "two lattes and a cappuccino, all three with an extra shot", "six subs, every one with swiss",
 * "pickles on the both of them": a distributive word said at length ({@code distributive-said.txt})
 * or followed by the count of what it spreads over ("all three", "on all 3 of them") is read as
 * the word alone. Read as they
 * stood, "all three" counted a line of no dish and "every one with swiss" made a part of one.
 */
final class EveryOne {

    private record Phrase(String[] words, String[] reading) {}

    private static final List<Phrase> PHRASES = phrases();

    private EveryOne() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        List<String> out = new ArrayList<>(tokens.length);
        boolean changed = false;
        for (int i = 0; i < tokens.length; i++) {
            Phrase phrase = phraseAt(tokens, i);
            if (phrase != null && menuWordBefore(lexicon, tokens, i, index)) {
                out.addAll(List.of(phrase.reading()));
                i += phrase.words().length - 1;
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

    private static Phrase phraseAt(String[] tokens, int i) {
        Phrase longest = null;
        for (Phrase p : PHRASES) {
            if (i + p.words().length <= tokens.length
                    && Arrays.equals(p.words(), Arrays.copyOfRange(tokens, i, i + p.words().length))
                    && (longest == null || p.words().length > longest.words().length)) {
                longest = p;
            }
        }
        return longest;
    }

    private static List<Phrase> phrases() {
        // entries are written as the normalizer leaves words (lexicons/README.md): split on spaces
        List<Phrase> phrases = new ArrayList<>();
        for (String line : Lexicon.lines(EveryOne.class.getClassLoader(), "distributive-said.txt")) {
            int eq = line.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException(
                        "distributive-said.txt: expected 'phrase = reading' but got '" + line + "'");
            }
            phrases.add(new Phrase(
                    line.substring(0, eq).strip().split("\\s+"),
                    line.substring(eq + 1).strip().split("\\s+")));
        }
        return List.copyOf(phrases);
    }
}
