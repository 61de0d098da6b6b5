package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One option put in the place of another ({@code swaps.txt}): "pepperjack instead of the
 * american", "swap the sweet onion sauce for chipotle", "a pizza with pineapple and ham, swap the
 * ham for bacon". The option given up is refused where it was said nowhere before (a refusal that
 * ends right after it, so the list going on is still ordered), and taken back where it was; the
 * option taken in its place is put on the line. Read before the options are, on the words alone.
 */
final class Swaps {

    private Swaps() {}

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        return Rewrites.untilSettled(tokens, 3, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int at = 1; at < tokens.length; at++) {
            var marker = lexicon.swaps.longest(tokens, at);
            if (marker == null) {
                continue;
            }
            String[] canonical = index.canonical(tokens);
            int outStart = skipped(lexicon, tokens, at + marker.length());
            int outEnd = optionEnd(lexicon, tokens, canonical, outStart);
            if (outEnd == outStart) {
                continue;
            }
            List<String> in = List.of();
            int end = outEnd;
            if (marker.value().equals("BEFORE")) {
                if (outEnd >= tokens.length || !words(lexicon, "TO").contains(tokens[outEnd])) {
                    continue;
                }
                int inStart = skipped(lexicon, tokens, outEnd + 1);
                end = optionEnd(lexicon, tokens, canonical, inStart);
                if (end == inStart) {
                    continue;
                }
                in = Arrays.asList(tokens).subList(inStart, end);
            }
            String[] out = Arrays.copyOfRange(canonical, outStart, outEnd);
            int said = lastSaid(canonical, out, at);
            boolean[] drop = new boolean[tokens.length];
            List<String> written = new ArrayList<>();
            if (!in.isEmpty()) {
                written.add(first(lexicon, "JOIN"));
                written.addAll(in);
            }
            if (said >= 0) {
                Arrays.fill(drop, said, said + out.length, true);
                if (said > 0 && lexicon.listJoins.contains(tokens[said - 1])) {
                    drop[said - 1] = true;
                }
            } else {
                written.add(first(lexicon, "REFUSE"));
                written.addAll(Arrays.asList(tokens).subList(outStart, outEnd));
                written.add(first(lexicon, "END"));
            }
            List<String> result = new ArrayList<>(tokens.length + 2);
            for (int k = 0; k < at; k++) {
                if (!drop[k]) {
                    result.add(tokens[k]);
                }
            }
            result.addAll(written);
            result.addAll(Arrays.asList(tokens).subList(end, tokens.length));
            return result.toArray(String[]::new);
        }
        return tokens;
    }

    private static int skipped(Lexicon lexicon, String[] tokens, int from) {
        while (from < tokens.length
                && (lexicon.articles.contains(tokens[from])
                        || words(lexicon, "SKIP").contains(tokens[from]))) {
            from++;
        }
        return from;
    }

    /** The end of the run of menu words from {@code from}, stopping at a list word or a TO word. */
    private static int optionEnd(Lexicon lexicon, String[] tokens, String[] canonical, int from) {
        int end = from;
        while (end < tokens.length
                && canonical[end] != null
                && !lexicon.listJoins.contains(tokens[end])
                && !words(lexicon, "TO").contains(tokens[end])) {
            end++;
        }
        return end;
    }

    private static List<String> words(Lexicon lexicon, String role) {
        return lexicon.swapWords.getOrDefault(role, List.of());
    }

    private static String first(Lexicon lexicon, String role) {
        return words(lexicon, role).getFirst();
    }

    /** Where the menu words of {@code name} were last said before {@code end}, or -1. */
    private static int lastSaid(String[] canonical, String[] name, int end) {
        for (int k = end - name.length; k >= 0; k--) {
            if (Arrays.equals(canonical, k, k + name.length, name, 0, name.length)) {
                return k;
            }
        }
        return -1;
    }
}
