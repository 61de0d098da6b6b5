package io.tiffin.nlu.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "two burgers and a gatorade each", "two chicken sandwiches and apple slices for each": a line of one
 * closed by a per-person word ({@code per-person.txt}) is one for every person the lines before it are
 * for, counted as the most of any one other dish said before it. Followed by options the word spreads
 * them instead ("each with an extra shot"), so only the message's end or a list join may follow.
 */
final class OnePerPerson {

    private OnePerPerson() {}

    static void apply(MentionScanner.Scan scan, List<Draft> drafts, Set<String> perPerson, Set<String> listJoins) {
        String[] tokens = scan.tokens();
        for (int i = 1; i < drafts.size(); i++) {
            Draft line = drafts.get(i);
            if (line.item == null || line.quantity != 1 || line.item.itemIds().size() != 1) {
                continue;
            }
            int after = phraseEnd(tokens, lastWord(line), perPerson);
            if (after < 0 || after < tokens.length && !listJoins.contains(tokens[after])) {
                continue;
            }
            Map<String, Integer> counts = new HashMap<>();
            for (Draft before : drafts.subList(0, i)) {
                if (before.item != null
                        && before.item.itemIds().size() == 1
                        && !before.item.itemIds().equals(line.item.itemIds())) {
                    counts.merge(before.item.itemIds().getFirst(), before.quantity, Integer::sum);
                }
            }
            line.quantity =
                    Math.max(1, counts.values().stream().max(Integer::compare).orElse(1));
        }
    }

    private static int lastWord(Draft line) {
        int end = line.itemEnd();
        for (Said s : line.options) {
            end = Math.max(end, s.end());
        }
        return end;
    }

    /** Where the longest per-person phrase starting at {@code at} ends, or -1. */
    private static int phraseEnd(String[] tokens, int at, Set<String> phrases) {
        int found = -1;
        for (int end = at + 1; end <= Math.min(tokens.length, at + 5); end++) {
            if (phrases.contains(String.join(" ", List.of(tokens).subList(at, end)))) {
                found = end;
            }
        }
        return found;
    }
}
