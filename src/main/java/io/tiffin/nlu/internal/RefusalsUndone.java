package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A refusal taken back by naming what it refused ({@code refusal-undone.txt}): "a cheeseburger with
 * no onions, actually no pickles, onions are fine", "a burrito with no sour cream, sour cream is fine
 * actually". The clause names the option after a comma; its nearest earlier refusal and the clause
 * go, and nothing is added: the customer lets the dish be as it comes. With no refusal of it before,
 * the message is left as it is.
 */
final class RefusalsUndone {

    private static final PhraseTable<Boolean> AFTER = new PhraseTable<>();
    private static final Set<String> EDGES = new HashSet<>();

    static {
        TextNormalizer normalizer = new TextNormalizer(Map.of());
        for (String line : Lexicon.lines(RefusalsUndone.class.getClassLoader(), "refusal-undone.txt")) {
            int eq = line.lastIndexOf('=');
            String words = line.substring(0, eq).trim();
            if (line.substring(eq + 1).trim().equals("after")) {
                AFTER.put(normalizer.tokens(words), true);
            } else {
                EDGES.addAll(Arrays.asList(normalizer.tokens(words)));
            }
        }
    }

    private RefusalsUndone() {}

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        return Rewrites.untilSettled(tokens, 3, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int at = 2; at < tokens.length; at++) {
            var marker = AFTER.longest(tokens, at);
            if (marker == null) {
                continue;
            }
            int nameStart = at;
            while (nameStart > 0 && canonical[nameStart - 1] != null && !EDGES.contains(tokens[nameStart - 1])) {
                nameStart--;
            }
            int clauseStart = nameStart;
            while (clauseStart > 0 && EDGES.contains(tokens[clauseStart - 1])) {
                clauseStart--;
            }
            if (nameStart == at || clauseStart == 0 || !lexicon.listJoins.contains(tokens[clauseStart - 1])) {
                continue;
            }
            int clauseEnd = at + marker.length();
            while (clauseEnd < tokens.length && EDGES.contains(tokens[clauseEnd])) {
                clauseEnd++;
            }
            int length = at - nameStart;
            for (int k = clauseStart - length; k > 0; k--) {
                if (!Arrays.equals(canonical, k, k + length, canonical, nameStart, at)) {
                    continue;
                }
                int refusal = refusalBefore(lexicon, tokens, k);
                if (refusal < 0) {
                    continue;
                }
                boolean[] drop = new boolean[tokens.length];
                Arrays.fill(drop, refusal, k + length, true);
                Arrays.fill(drop, clauseStart - 1, clauseEnd, true);
                List<String> out = new ArrayList<>();
                for (int i = 0; i < tokens.length; i++) {
                    boolean doubled = tokens[i].equals(",")
                            && !out.isEmpty()
                            && out.getLast().equals(",");
                    if (!drop[i] && !doubled) {
                        out.add(tokens[i]);
                    }
                }
                while (!out.isEmpty() && out.getLast().equals(",")) {
                    out.removeLast();
                }
                return out.toArray(String[]::new);
            }
        }
        return tokens;
    }

    /** Where a refusal ("no", "with no", "hold the") ending right before {@code k} starts; -1 if none. */
    private static int refusalBefore(Lexicon lexicon, String[] tokens, int k) {
        for (int start = Math.max(0, k - 3); start < k; start++) {
            var qualifier = lexicon.qualifiers.longest(tokens, start);
            if (qualifier != null && start + qualifier.length() == k && qualifier.value() == Qualifier.NO) {
                return start;
            }
        }
        return -1;
    }
}
