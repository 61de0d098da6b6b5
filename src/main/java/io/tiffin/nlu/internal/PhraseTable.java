package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Multi-word phrases looked up by their first token, longest first, so finding every phrase that
 * starts at a position costs one hash lookup and a few array comparisons.
 */
final class PhraseTable<V> {

    record Match<V>(int length, V value) {}

    private record Entry<V>(String[] tokens, V value) {}

    private final Map<String, List<Entry<V>>> byFirstToken = new HashMap<>();

    /** Adds a phrase; a phrase already present has its value merged. */
    void put(String[] tokens, V value, BinaryOperator<V> merge) {
        if (tokens.length == 0) {
            return;
        }
        List<Entry<V>> entries = byFirstToken.computeIfAbsent(tokens[0], t -> new ArrayList<>());
        for (int i = 0; i < entries.size(); i++) {
            if (java.util.Arrays.equals(entries.get(i).tokens(), tokens)) {
                entries.set(i, new Entry<>(tokens, merge.apply(entries.get(i).value(), value)));
                return;
            }
        }
        entries.add(new Entry<>(tokens, value));
        entries.sort(Comparator.comparingInt((Entry<V> e) -> e.tokens().length).reversed());
    }

    /**
     * A lexicon file of "phrase = reading" lines, both sides written as the normalizer leaves words
     * (lexicons/README.md), so they are split on spaces only.
     */
    static PhraseTable<String[]> readings(ClassLoader loader, String file) {
        PhraseTable<String[]> table = new PhraseTable<>();
        for (String line : Lexicon.lines(loader, file)) {
            int eq = line.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException(file + ": expected 'phrase = reading' but got '" + line + "'");
            }
            table.put(
                    line.substring(0, eq).strip().split("\\s+"),
                    line.substring(eq + 1).strip().split("\\s+"));
        }
        return table;
    }

    /** A lexicon file of one phrase a line, each read as the given normalizer reads a message. */
    static PhraseTable<Boolean> phrases(ClassLoader loader, String file, TextNormalizer normalizer) {
        PhraseTable<Boolean> table = new PhraseTable<>();
        for (String line : Lexicon.lines(loader, file)) {
            table.put(normalizer.tokens(line), true);
        }
        return table;
    }

    void put(String[] tokens, V value) {
        put(tokens, value, (old, now) -> now);
    }

    /** The longest phrase starting at {@code from}, or null (also past the end). */
    Match<V> longest(String[] tokens, int from) {
        if (from >= tokens.length || tokens[from] == null) {
            return null;
        }
        List<Entry<V>> entries = byFirstToken.get(tokens[from]);
        if (entries == null) {
            return null;
        }
        for (Entry<V> entry : entries) {
            if (matchesAt(entry.tokens(), tokens, from)) {
                return new Match<>(entry.tokens().length, entry.value());
            }
        }
        return null;
    }

    /** Whether any phrase occurs anywhere in the tokens. */
    boolean occursIn(String[] tokens) {
        return occursIn(tokens, 0);
    }

    /** Whether a phrase starts at {@code from} or after it. */
    boolean occursIn(String[] tokens, int from) {
        for (int i = from; i < tokens.length; i++) {
            if (longest(tokens, i) != null) {
                return true;
            }
        }
        return false;
    }

    /** Where the first phrase said ends, -1 if none is. */
    int endOfFirst(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            var match = longest(tokens, i);
            if (match != null) {
                return i + match.length();
            }
        }
        return -1;
    }

    private static boolean matchesAt(String[] phrase, String[] tokens, int from) {
        if (from + phrase.length > tokens.length) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!phrase[k].equals(tokens[from + k])) {
                return false;
            }
        }
        return true;
    }
}
