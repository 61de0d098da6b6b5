package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Finds the known word a misspelt one stands for without comparing against every word: each known
 * word is stored under the strings made by deleting up to two of its letters, and a query looks up
 * its own deletions (the symmetric-delete method), then checks the few candidates with the
 * optimal-string-alignment distance, in which swapping two neighbouring letters is one edit
 * ("hma" is "ham"). Built once per word list; lookups cost a few dozen hash probes.
 */
final class SpellIndex {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    /** Words shorter than this are never corrected, nor corrected into: "a", "no", "on" are too close. */
    static final int MIN_LENGTH = 3;
    /** Measured on PIZZA dev, clean and noised: from 6 letters two edits cost the clean set nothing. */
    static final int TWO_EDITS_FROM = 6;

    private final Map<String, List<String>> byDeletion = new HashMap<>();
    private final Set<String> words = new HashSet<>();

    SpellIndex(Collection<String> known) {
        for (String word : known) {
            if (word.length() >= MIN_LENGTH && isLetters(word) && words.add(word)) {
                for (String deletion : deletions(word, maxEdits(word.length()))) {
                    byDeletion.computeIfAbsent(deletion, d -> new ArrayList<>(2)).add(word);
                }
            }
        }
    }

    /**
     * Edits a word of this length may carry and still be read: one below 6 letters, two from 6
     * (everyday words such as "wanted" are kept from bending into menu words by the lexicons).
     */
    static int maxEdits(int length) {
        return length < MIN_LENGTH ? 0 : length < TWO_EDITS_FROM ? 1 : 2;
    }

    boolean contains(String word) {
        return words.contains(word);
    }

    /** The closest known word within the allowed edits and its distance, or null; ties go to the most similar. */
    Match closest(String word) {
        int allowed = maxEdits(word.length());
        if (allowed == 0 || !isLetters(word)) {
            return null;
        }
        Set<String> candidates = new HashSet<>();
        for (String deletion : deletions(word, allowed)) {
            List<String> found = byDeletion.get(deletion);
            if (found != null) {
                candidates.addAll(found);
            }
        }
        Match best = null;
        for (String candidate : candidates) {
            if (word.length() < 4 && candidate.length() != word.length()) {
                continue; // three letters: only a swap or a wrong key ("hma", "tow"); "ice" is not rice
            }
            int limit = Math.min(allowed, maxEdits(candidate.length()));
            int distance = distance(word, candidate, limit);
            if (distance < 0) {
                continue;
            }
            double similarity = JARO_WINKLER.apply(word, candidate);
            if (best == null || distance < best.distance() || distance == best.distance() && similarity > best.similarity()) {
                best = new Match(candidate, distance, similarity);
            }
        }
        return best;
    }

    record Match(String word, int distance, double similarity) {
    }

    /** The word itself and every string made by deleting up to {@code edits} letters. */
    private static Set<String> deletions(String word, int edits) {
        Set<String> result = new HashSet<>();
        result.add(word);
        Set<String> frontier = Set.of(word);
        for (int e = 0; e < edits; e++) {
            Set<String> next = new HashSet<>();
            for (String w : frontier) {
                for (int i = 0; i < w.length(); i++) {
                    next.add(w.substring(0, i) + w.substring(i + 1));
                }
            }
            result.addAll(next);
            frontier = next;
        }
        return result;
    }

    /** Optimal-string-alignment distance, or -1 when above {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return -1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        int result = d[a.length()][b.length()];
        return result <= limit ? result : -1;
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
