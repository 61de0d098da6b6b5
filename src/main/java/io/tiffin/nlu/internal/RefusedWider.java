package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A pick taken back by a refusal of a wider word said after a correction ({@code refused-wider.txt}
 * and {@code corrections.txt}): "a bowl with white rice, no wait, no rice at all", "a turkey with
 * swiss, actually no cheese", "green peppers, sorry, no peppers". The wider word is one whose
 * options cover the pick's, or the pick's name ends with it. The pick goes; when only the correction
 * stands between them, the refusal takes the pick's place. The same word refused is read elsewhere.
 */
final class RefusedWider {

    private static final PhraseTable<Boolean> MARKERS =
            PhraseTable.phrases(RefusedWider.class.getClassLoader(), "refused-wider.txt", new TextNormalizer(Map.of()));

    private RefusedWider() {}

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        return Rewrites.untilSettled(tokens, 3, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int at = 1; at < tokens.length; at++) {
            int markerEnd = markerEnd(lexicon, tokens, at);
            if (markerEnd == at) {
                continue;
            }
            var refusal = lexicon.qualifiers.longest(tokens, markerEnd);
            if ((refusal == null || refusal.value() != Qualifier.NO) && markerEnd - 1 > at) {
                // "actually no rice": the correction's last word opens the refusal
                markerEnd--;
                refusal = lexicon.qualifiers.longest(tokens, markerEnd);
            }
            if (refusal == null || refusal.value() != Qualifier.NO) {
                continue;
            }
            int wide = markerEnd + refusal.length();
            var wider = index.options.longest(canonical, wide);
            if (wider == null) {
                continue;
            }
            int markerStart = at > 0 && tokens[at - 1].equals(",") ? at - 1 : at;
            for (int k = markerStart - 1; k >= 0; k--) {
                var pick = index.options.longest(canonical, k);
                if (pick == null || k + pick.length() > markerStart || !covers(canonical, wide, wider, k, pick)) {
                    continue;
                }
                int end = k + pick.length();
                boolean onlyGlue = true;
                for (int g = end; g < markerStart; g++) {
                    onlyGlue &= tokens[g].equals(",") || lexicon.listJoins.contains(tokens[g]);
                }
                List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, k));
                if (onlyGlue) {
                    // "with white rice, no wait, no rice": the refusal stands where the pick was
                    out.addAll(Arrays.asList(tokens).subList(markerEnd, tokens.length));
                } else {
                    // "with white rice and black beans, actually no rice": the beans stay
                    int from = end < markerStart && lexicon.listJoins.contains(tokens[end]) ? end + 1 : end;
                    out.addAll(Arrays.asList(tokens).subList(from, tokens.length));
                }
                return out.toArray(String[]::new);
            }
        }
        return tokens;
    }

    /** Where the correction words starting at {@code at} end, commas after them included; {@code at} if none. */
    private static int markerEnd(Lexicon lexicon, String[] tokens, int at) {
        int end = at;
        while (end < tokens.length) {
            var correction = lexicon.corrections.longest(tokens, end);
            var marker = MARKERS.longest(tokens, end);
            int length = Math.max(correction == null ? 0 : correction.length(), marker == null ? 0 : marker.length());
            if (length > 0) {
                end += length;
            } else if (end > at && tokens[end].equals(",")) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    /** The refused words are wider than the pick: its options cover the pick's, or the pick's name ends with them. */
    private static boolean covers(
            String[] canonical,
            int wide,
            PhraseTable.Match<List<MenuIndex.OptionRef>> wider,
            int k,
            PhraseTable.Match<List<MenuIndex.OptionRef>> pick) {
        if (pick.length() <= wider.length()
                && Arrays.equals(canonical, k, k + pick.length(), canonical, wide, wide + pick.length())) {
            return false;
        }
        if (wider.value().size() > 1 && wider.value().containsAll(pick.value())) {
            return true;
        }
        int tail = k + pick.length() - wider.length();
        return pick.length() > wider.length()
                && Arrays.equals(canonical, tail, k + pick.length(), canonical, wide, wide + wider.length());
    }
}
