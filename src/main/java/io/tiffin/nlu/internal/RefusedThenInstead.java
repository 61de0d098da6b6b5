package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Picks said after a refusal and put in its place ({@code refused-instead.txt}): "no jalapenos,
 * banana peppers instead", "hold the mayo, mustard in its place". A refusal goes on over a list
 * ("no onions, peppers or olives"), so the picks were read as refused too; the word after them says
 * they are wanted. They are read as picks said with the dish, and the word goes.
 */
final class RefusedThenInstead {

    private static final PhraseTable<Boolean> MARKERS = PhraseTable.phrases(
            RefusedThenInstead.class.getClassLoader(), "refused-instead.txt", new TextNormalizer(Map.of()));
    private static final String WITH = "with";

    private RefusedThenInstead() {}

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        return Rewrites.untilSettled(tokens, 3, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int at = 2; at < tokens.length; at++) {
            var marker = MARKERS.longest(tokens, at);
            if (marker == null) {
                continue;
            }
            int comma = at;
            boolean picks = false;
            while (comma > 0 && !tokens[comma - 1].equals(",")) {
                comma--;
                if (canonical[comma] != null && index.options.longest(canonical, comma) != null) {
                    picks = true;
                } else if (canonical[comma] == null && !lexicon.listJoins.contains(tokens[comma])) {
                    picks = false;
                    break;
                }
            }
            if (!picks || comma < 2 || !refuses(lexicon, tokens, comma - 1)) {
                continue;
            }
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, comma));
            out.add(WITH);
            out.addAll(Arrays.asList(tokens).subList(comma, at));
            out.addAll(Arrays.asList(tokens).subList(at + marker.length(), tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** The clause ending at the comma {@code end} opens with a refusal ("actually no jalapenos", "hold the mayo"). */
    private static boolean refuses(Lexicon lexicon, String[] tokens, int end) {
        int start = end;
        while (start > 0 && !tokens[start - 1].equals(",")) {
            start--;
        }
        for (int i = start; i < end; i++) {
            var qualifier = lexicon.qualifiers.longest(tokens, i);
            if (qualifier != null) {
                return qualifier.value() == Qualifier.NO;
            }
        }
        return false;
    }
}
