package io.tiffin.nlu.internal;

import static io.tiffin.nlu.internal.CorrectionUnits.before;
import static io.tiffin.nlu.internal.CorrectionUnits.pronounAfterPicks;
import static io.tiffin.nlu.internal.CorrectionUnits.unitAt;

import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.internal.CorrectionUnits.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a customer takes back inside one message ({@code corrections.txt}): "a large, no wait, a
 * small hot chocolate", "hazelnut, no, make that raspberry syrup", "pepperoni, i mean sausage",
 * "a medium latte with vanilla, actually make it a large", "a chicken burrito, make that two". The
 * words after the correction replace the nearest earlier words of the same kind: a pick of the
 * same option group, another item, a count. With nothing of that kind before, or a qualifier after
 * ("make it extra cheese"), the words are left as they are.
 */
final class SelfCorrections {

    private static final Set<String> LINKS =
            Set.copyOf(Lexicon.lines(SelfCorrections.class.getClassLoader(), "corrected-with.txt"));

    private SelfCorrections() {}

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        // one correction at a time, each over the words as the one before left them
        return Rewrites.untilSettled(tokens, 4, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int at = 1; at < tokens.length; at++) {
            var marker = lexicon.corrections.longest(tokens, at);
            if (marker == null) {
                String[] restarted = Restarts.restarted(lexicon, tokens, canonical, at, index);
                if (restarted != null) {
                    return restarted;
                }
                continue;
            }
            int after = at + marker.length();
            // "no, make that", "actually no make that": one correction
            while (after < tokens.length) {
                var more = lexicon.corrections.longest(tokens, after);
                if (more != null) {
                    after += more.length();
                } else if (tokens[after].equals(",")) {
                    after++;
                } else {
                    break;
                }
            }
            String[] recounted = Recounts.recounted(lexicon, tokens, canonical, at, after, index);
            if (recounted != null) {
                return recounted;
            }
            boolean linked = after + 1 < tokens.length && LINKS.contains(tokens[after]);
            if (!linked
                    && lexicon.qualifiers.longest(tokens, after - 1) != null
                    && lexicon.qualifiers.longest(tokens, after - 1).value() == Qualifier.NO) {
                // "with pickles, actually no pickles": a refusal; "caramel, actually no with hazelnut" is not
                continue;
            }
            // "steak, no actually with chicken": the link word belongs to the pick, which stands where steak did
            int bStart = linked ? after + 1 : after;
            boolean article = bStart < tokens.length && lexicon.articles.contains(tokens[bStart]);
            Unit b = unitAt(lexicon, tokens, canonical, article ? bStart + 1 : bStart, index);
            if (b == null && article) {
                b = unitAt(lexicon, tokens, canonical, bStart, index);
                article = false;
            }
            if (b == null) {
                continue;
            }
            int pronoun = pronounAfterPicks(tokens, canonical, b, index);
            if (pronoun >= 0) {
                // "a cappuccino. make it a large one with an extra shot": "one" is the item just said, not another
                List<String> out = new ArrayList<>(Arrays.asList(tokens));
                out.remove(pronoun);
                return out.toArray(String[]::new);
            }
            int markerStart = at > 0 && tokens[at].equals(",") ? at : (tokens[at - 1].equals(",") ? at - 1 : at);
            Unit a = linked ? openedBy(lexicon, tokens, canonical, markerStart, b, index) : null;
            if (a == null) {
                a = before(lexicon, tokens, canonical, markerStart, b, index);
            }
            if (a == null) {
                continue;
            }
            List<String> gap = words(tokens, a.end(), markerStart);
            List<String> out = new ArrayList<>(Arrays.asList(tokens).subList(0, a.start()));
            if (gap.isEmpty() || restates(tokens, b.end(), gap)) {
                // "a large, no wait, a small hot chocolate": the new words stand where the old ones did
                boolean counted = a.start() > 0 && openedByCount(lexicon, tokens, a.start());
                int from = article && counted ? b.start() : bStart;
                out.addAll(Arrays.asList(tokens).subList(from, tokens.length));
            } else {
                // "a medium latte with vanilla, actually make it a large": the old words take the new
                out.addAll(Arrays.asList(tokens).subList(b.start(), b.end()));
                out.addAll(Arrays.asList(tokens).subList(a.end(), markerStart));
                out.addAll(Arrays.asList(tokens).subList(b.end(), tokens.length));
            }
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /**
     * "with steak and fajita veggies, no actually with chicken": a pick put in place by the link
     * word takes the place of the pick that word opened before, though another pick of its group
     * (here the veggies, a filling too) stands nearer; null when the link word opened none of b's
     * kind since the last dish.
     */
    private static Unit openedBy(
            Lexicon lexicon, String[] tokens, String[] canonical, int end, Unit b, MenuIndex index) {
        for (int k = end - 1; k >= 1; k--) {
            Unit unit = unitAt(lexicon, tokens, canonical, k, index);
            if (unit != null && unit.item()) {
                return null;
            }
            if (unit != null && unit.end() <= end && unit.sameKind(b) && LINKS.contains(tokens[k - 1])) {
                return unit;
            }
        }
        return null;
    }

    private static boolean openedByCount(Lexicon lexicon, String[] tokens, int start) {
        for (int k = start - 1; k >= 0 && !tokens[k].equals(","); k--) {
            if (lexicon.separators.longest(tokens, k) != null) {
                return false;
            }
            if (lexicon.numbers.longest(tokens, k) != null) {
                return true;
            }
        }
        return false;
    }

    /** The words between two places, without list commas. */
    private static List<String> words(String[] tokens, int from, int to) {
        List<String> words = new ArrayList<>();
        for (int k = from; k < to; k++) {
            if (!tokens[k].equals(",")) {
                words.add(tokens[k]);
            }
        }
        return words;
    }

    /** Whether the words after the new ones say again what stood between the old ones and the correction. */
    private static boolean restates(String[] tokens, int from, List<String> gap) {
        if (from + gap.size() > tokens.length) {
            return false;
        }
        for (int k = 0; k < gap.size(); k++) {
            if (!tokens[from + k].equals(gap.get(k))) {
                return false;
            }
        }
        return true;
    }
}
