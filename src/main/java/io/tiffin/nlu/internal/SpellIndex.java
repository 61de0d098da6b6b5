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
 * its own deletions (the symmetric-delete method), then weighs the few candidates with a typing
 * distance: the slips a hurried thumb makes cost less than arbitrary edits. A neighbouring key
 * ("tyna"), a doubled or dropped letter of a double ("smalll", "pepers") and two letters swapped
 * ("hma"), and two swapped with one of them a key beside ("qto": two) are cheap; an unrelated letter costs a whole edit. How much a word may carry grows with
 * the length of the word it is read as, so "tuna" takes one slip and "pepperoni" two or three.
 * Built once per word list; lookups cost a few dozen hash probes.
 */
final class SpellIndex {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    /** Words shorter than this are never corrected, nor corrected into: "a", "no", "on" are too close. */
    static final int MIN_LENGTH = 3;
    /** Deletions stored per known word: reach of the candidate search. */
    private static final int INDEXED_DELETIONS = 2;

    static final double NEIGHBOUR_KEY = 0.5;
    static final double OTHER_KEY = 1.0;
    static final double DOUBLED = 0.3;
    static final double EXTRA_LETTER = 1.0;
    static final double MISSING_LETTER = 0.8;
    static final double SWAP = 0.5;

    /** Longest word a second slip beyond the budget may be read as. */
    private static final int SECOND_SLIP_UP_TO = 5;

    private static final String[] KEYBOARD_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final Map<Character, Set<Character>> NEIGHBOURS = neighbours();

    private final Map<String, List<String>> byDeletion = new HashMap<>();
    private final Set<String> words = new HashSet<>();

    SpellIndex(Collection<String> known) {
        for (String word : known) {
            if (word.length() >= MIN_LENGTH && isLetters(word) && words.add(word)) {
                for (String deletion : deletions(word, INDEXED_DELETIONS)) {
                    byDeletion
                            .computeIfAbsent(deletion, d -> new ArrayList<>(2))
                            .add(word);
                }
            }
        }
    }

    /**
     * The typing cost a word read as one of {@code length} letters may carry: a single slip under 5
     * letters, more from there. Measured on PIZZA dev clean and noised and on the FoodOrdering
     * training files, where everyday words stay what they are (the lexicons keep them).
     */
    static double budget(int length) {
        if (length < MIN_LENGTH) {
            return 0;
        }
        return length == 3 ? 0.6 : length == 4 ? 1.0 : length == 5 ? 1.3 : length < 8 ? 1.8 : 2.3;
    }

    boolean contains(String word) {
        return words.contains(word);
    }

    /**
     * The closest known word within the typing budget, or null; ties go to the most similar. A
     * three-letter word is only read as a word of three or four letters ("tun" is tuna, "ice" is not
     * "price").
     */
    Match closest(String word) {
        return closest(word, 0, 0);
    }

    /**
     * The closest known word to the stem of a typed plural ("oin" of "oins"), weighed as the plural
     * it was typed as: the budget is that of a word one letter longer, so "oins" may be onions as
     * "oinos" would be.
     */
    Match closestPlural(String stem) {
        return closest(stem, 0, 1);
    }

    /**
     * The one known word within the typing budget plus {@code slack}, or null when there is none or
     * more than one: a second slip in a short word is read only when nothing else is as near
     * ("tmua" is tuna on a menu with no other word that close).
     */
    Match onlyWithin(String word, double slack) {
        Match match = closest(word, slack, 0);
        return match == null || match.rivals() > 0 ? null : match;
    }

    /**
     * The closest word within budget plus {@code slack}; {@code rivals} counts the other words
     * within reach (any cost when {@code slack} is given, the same cost otherwise).
     */
    private Match closest(String word, double slack, int suffix) {
        if (word.length() < MIN_LENGTH || !isLetters(word)) {
            return null;
        }
        Set<String> candidates = candidates(word);
        Match best = null;
        int alike = 0;
        for (String candidate : candidates) {
            if (word.length() + suffix == 3 && candidate.length() > (slack > 0 ? 5 : 4)) {
                continue;
            }
            if (slack > 0 && (candidate.length() > SECOND_SLIP_UP_TO || candidate.charAt(0) != word.charAt(0))) {
                continue; // a second slip only in a short word, and not in its first letter
            }
            // letters typed in excess count against the longer of the two ("ppei" is pie)
            double limit = budget(Math.max(candidate.length(), word.length()) + suffix) + slack;
            double cost = cost(word, candidate, limit);
            if (cost < 0) {
                continue;
            }
            double similarity = JARO_WINKLER.apply(word, candidate);
            if (best != null && (slack > 0 || Math.abs(cost - best.cost()) < 1e-9)) {
                alike++;
            }
            if (best == null
                    || cost < best.cost() - 1e-9
                    || Math.abs(cost - best.cost()) < 1e-9 && similarity > best.similarity()) {
                if (best == null || slack == 0 && cost < best.cost() - 1e-9) {
                    alike = 0;
                }
                best = new Match(candidate, cost, similarity, 0);
            }
        }
        return best == null ? null : new Match(best.word(), best.cost(), best.similarity(), alike);
    }

    /**
     * Every known word within the typing budget, cheapest first (ties: most similar first), at most
     * {@code limit}: the readings a sentence may choose among when the closest word alone does not
     * fit ("ectra heee": cheese after "extra", not the count three).
     */
    List<Match> within(String word, int limit) {
        return within(word, limit, 0);
    }

    /** {@link #within} for the stem of a typed plural, weighed as {@link #closestPlural} does. */
    List<Match> withinPlural(String stem, int limit) {
        return within(stem, limit, 1);
    }

    private List<Match> within(String word, int limit, int suffix) {
        if (word.length() < MIN_LENGTH || !isLetters(word)) {
            return List.of();
        }
        List<Match> found = new ArrayList<>();
        for (String candidate : candidates(word)) {
            if (word.length() + suffix == 3 && candidate.length() > 4) {
                continue;
            }
            double cost = cost(word, candidate, budget(Math.max(candidate.length(), word.length()) + suffix));
            if (cost >= 0) {
                found.add(new Match(candidate, cost, JARO_WINKLER.apply(word, candidate), 0));
            }
        }
        found.sort(java.util.Comparator.comparingDouble(Match::cost)
                .thenComparing(Match::similarity, java.util.Comparator.reverseOrder())
                .thenComparing(Match::word));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    private Set<String> candidates(String word) {
        Set<String> candidates = new HashSet<>();
        for (String deletion : deletions(word, INDEXED_DELETIONS)) {
            List<String> found = byDeletion.get(deletion);
            if (found != null) {
                candidates.addAll(found);
            }
        }
        return candidates;
    }

    /** A reading: the word, its typing cost, its Jaro-Winkler similarity, and how many others cost the same. */
    record Match(String word, double cost, double similarity, int rivals) {}

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

    /**
     * Typing cost of reading {@code typed} as {@code known} (an optimal-string-alignment distance
     * with weights), or -1 when above {@code limit}.
     */
    static double cost(String typed, String known, double limit) {
        int n = typed.length();
        int m = known.length();
        double[][] d = new double[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            d[i][0] = d[i - 1][0] + extraCost(typed, i - 1);
        }
        for (int j = 1; j <= m; j++) {
            d[0][j] = d[0][j - 1] + missingCost(known, j - 1);
        }
        double previousRowMin = 0;
        for (int i = 1; i <= n; i++) {
            double rowMin = Double.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                char a = typed.charAt(i - 1);
                char b = known.charAt(j - 1);
                double v = Math.min(d[i - 1][j] + extraCost(typed, i - 1), d[i][j - 1] + missingCost(known, j - 1));
                v = Math.min(v, d[i - 1][j - 1] + (a == b ? 0 : isNeighbour(a, b) ? NEIGHBOUR_KEY : OTHER_KEY));
                if (i > 1 && j > 1) {
                    char typedBefore = typed.charAt(i - 2);
                    char knownBefore = known.charAt(j - 2);
                    if (a == knownBefore && typedBefore == b) {
                        v = Math.min(v, d[i - 2][j - 2] + SWAP);
                    } else if (a == knownBefore && isNeighbour(typedBefore, b)
                            || typedBefore == b && isNeighbour(a, knownBefore)) {
                        // two letters swapped and one of them a key beside ("qto": two, "tpw": two)
                        v = Math.min(v, d[i - 2][j - 2] + SWAP + NEIGHBOUR_KEY);
                    }
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            // a swap reaches back two rows: give up only when two rows in a row are over the limit
            if (rowMin > limit + 1e-9 && previousRowMin > limit + 1e-9) {
                return -1;
            }
            previousRowMin = rowMin;
        }
        double result = d[n][m];
        return result <= limit + 1e-9 ? result : -1;
    }

    /** The typed word has a letter too many: cheap when it doubles the one beside it ("pizzza"). */
    private static double extraCost(String typed, int i) {
        char c = typed.charAt(i);
        boolean doubled = i > 0 && typed.charAt(i - 1) == c || i + 1 < typed.length() && typed.charAt(i + 1) == c;
        return doubled ? DOUBLED : EXTRA_LETTER;
    }

    /** The typed word lacks a letter: cheap when it is one of a double ("pepers"). */
    private static double missingCost(String known, int j) {
        char c = known.charAt(j);
        boolean doubled = j > 0 && known.charAt(j - 1) == c || j + 1 < known.length() && known.charAt(j + 1) == c;
        return doubled ? DOUBLED : MISSING_LETTER;
    }

    static boolean isNeighbour(char a, char b) {
        Set<Character> near = NEIGHBOURS.get(a);
        return near != null && near.contains(b);
    }

    /** Keys that touch on a QWERTY keyboard: beside in the row, and above or below. */
    private static Map<Character, Set<Character>> neighbours() {
        Map<Character, Set<Character>> result = new HashMap<>();
        for (int r = 0; r < KEYBOARD_ROWS.length; r++) {
            String row = KEYBOARD_ROWS[r];
            for (int i = 0; i < row.length(); i++) {
                Set<Character> near = result.computeIfAbsent(row.charAt(i), c -> new HashSet<>());
                if (i > 0) {
                    near.add(row.charAt(i - 1));
                }
                if (i + 1 < row.length()) {
                    near.add(row.charAt(i + 1));
                }
                // each row sits about half a key to the right of the one above it
                if (r > 0) {
                    addAt(near, KEYBOARD_ROWS[r - 1], i);
                    addAt(near, KEYBOARD_ROWS[r - 1], i + 1);
                }
                if (r + 1 < KEYBOARD_ROWS.length) {
                    addAt(near, KEYBOARD_ROWS[r + 1], i - 1);
                    addAt(near, KEYBOARD_ROWS[r + 1], i);
                }
            }
        }
        return result;
    }

    private static void addAt(Set<Character> near, String row, int i) {
        if (i >= 0 && i < row.length()) {
            near.add(row.charAt(i));
        }
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
