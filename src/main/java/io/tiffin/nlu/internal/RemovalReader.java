package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Edit;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reference;
import io.tiffin.nlu.internal.EditReader.Reading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a removal: "remove the lassi", "drop the coke and the naan", "no lassi anymore", "remove one
 * naan", "one less coke", "naan hatao", or a removal the order reading found in other words ("i
 * dont want the coke"). Each part of a list is its own reference.
 */
final class RemovalReader {

    private final TurnLexicon words;
    private final References references;

    RemovalReader(TurnLexicon words, References references) {
        this.words = words;
        this.references = references;
    }

    /** "remove the lassi", "drop the coke and the naan", "no lassi anymore", "remove one naan", "naan hatao". */
    Optional<Reading> read(EditMessage m, int s, int e, ParseResult order) {
        int verb = words.at("REMOVE", m.t(), s);
        int from = s + verb;
        int to = e;
        // "take the naan off": the verb's particle after what it takes
        if (verb == 0
                && m.t()[s].equals("take")
                && e - s > 2
                && List.of("off", "out").contains(m.t()[e - 1])) {
            verb = 1;
            from = s + 1;
            to = e - 1;
        }
        int trailing = verb == 0 ? words.endingAt("REMOVE", m.t(), s, e) : 0;
        if (verb == 0 && trailing > 0) {
            to = e - trailing;
        }
        int anymore = words.endingAt("ANYMORE", m.t(), s, to);
        boolean noAnymore = verb == 0 && anymore > 0 && m.t()[s].equals("no");
        if (noAnymore) {
            from = s + 1;
            to -= anymore;
        }
        int less = words.find("LESS", m.t(), s, e);
        if (verb == 0 && trailing == 0 && !noAnymore && less < 0 && order.intent() != Intent.REMOVE) {
            return Optional.empty();
        }
        if (verb == 0 && trailing == 0 && !noAnymore && less >= 0) {
            // "one less naan", "one naan less"; "2 chai less sugar" is a note, not a removal
            var count = words.count(m.t(), s, e);
            int lessEnd = less + words.at("LESS", m.t(), less);
            var countBefore = less > s + 1 ? words.count(m.t(), less - 1, less) : null;
            if (count == null && countBefore != null && lessEnd == e && onlyDishWords(m, s, less - 1)) {
                // "roti ek kam", "naan one less": the dish, then the count taken off it
                return Optional.of(new Reading(
                        Intent.REMOVE,
                        new Edit(List.of(reference(m, s, less - 1)), countBefore.value(), null, List.of())));
            }
            if (count == null) {
                return Optional.empty();
            }
            int afterCount = s + count.length();
            if (less == afterCount && lessEnd < e) {
                return Optional.of(new Reading(
                        Intent.REMOVE, new Edit(List.of(reference(m, lessEnd, e)), count.value(), null, List.of())));
            }
            if (lessEnd == e && less > afterCount && onlyDishWords(m, afterCount, less)) {
                return Optional.of(new Reading(
                        Intent.REMOVE,
                        new Edit(List.of(reference(m, afterCount, less)), count.value(), null, List.of())));
            }
            if (order.intent() != Intent.REMOVE) {
                return Optional.empty();
            }
        }
        if (verb == 0 && trailing == 0 && !noAnymore) {
            // a removal the order reading found in other words ("i dont want the coke"): what it names goes
            EditMessage rest = withoutRemovalWords(m, s, e);
            return Optional.of(new Reading(
                    Intent.REMOVE, new Edit(targets(rest, rest.t().length), null, null, List.of())));
        }
        int cart = words.find("FROM_CART", m.t(), from, to);
        if (cart >= 0) {
            to = cart;
        }
        Integer quantity = null;
        var count = words.count(m.t(), from, to);
        if (count != null && from + count.length() < to) {
            quantity = count.value();
            from += count.length();
        }
        EditMessage body = new EditMessage(Arrays.copyOfRange(m.t(), from, to), m.index(), m.order());
        if (quantity == null && namesOnlyOptions(body)) {
            // "take off the egg", "raita hata do": an add-on taken off the line that has it, never the line
            List<String> value = new ArrayList<>(List.of("without"));
            value.addAll(List.of(body.t()));
            return Optional.of(new Reading(Intent.CHANGE, new Edit(List.of(Reference.LAST), null, null, value)));
        }
        return Optional.of(new Reading(
                Intent.REMOVE, new Edit(targets(body, body.t().length), quantity, null, List.of())));
    }

    /** "one chai less", "ek chai kam": only the dish before the word; "2 chai sugar less" is a note. */
    private boolean onlyDishWords(EditMessage m, int from, int to) {
        for (int k = from; k < to; k++) {
            String canonical = m.index().canonical(m.t()[k]);
            if ((canonical == null || !m.index().itemsByWord.containsKey(canonical))
                    && !words.is("DETERMINER", m.t()[k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the words name options of some dish and no dish: "the egg", "raita and salan". */
    private boolean namesOnlyOptions(EditMessage body) {
        int named = 0;
        for (String token : body.t()) {
            String canonical = body.index().canonical(token);
            if (canonical != null && body.index().isOptionWord(canonical)) {
                named++;
            } else if (!words.is("DETERMINER", token) && !isSeparator(token)) {
                return false;
            }
        }
        ParseResult read = body.read(0, body.t().length);
        return named > 0 && read.lines().isEmpty() && read.unresolved().isEmpty();
    }

    /** One reference per part of a list: "the coke and the naan". */
    private List<Reference> targets(EditMessage m, int to) {
        List<Reference> targets = new ArrayList<>();
        int start = 0;
        for (int k = 0; k <= to; k++) {
            if (k == to || isSeparator(m.t()[k])) {
                if (k > start || targets.isEmpty() && k == to) {
                    targets.add(reference(m, start, k));
                }
                start = k + 1;
            }
        }
        return targets;
    }

    /** The message without the words that said to remove: what is left names what goes. */
    private EditMessage withoutRemovalWords(EditMessage m, int s, int e) {
        List<String> kept = new ArrayList<>();
        for (int k = s; k < e; k++) {
            int phrase = Math.max(words.at("REMOVE", m.t(), k), words.at("ANYMORE", m.t(), k));
            phrase = Math.max(phrase, words.at("FROM_CART", m.t(), k));
            if (phrase > 0) {
                k += phrase - 1;
            } else if (!List.of("no", "not", "without", "nahi", "nahin").contains(m.t()[k])) {
                kept.add(m.t()[k]);
            }
        }
        return new EditMessage(kept.toArray(String[]::new), m.index(), m.order());
    }

    private Reference reference(EditMessage m, int from, int to) {
        return references.read(m.t(), from, to, m.index(), m.order());
    }

    private static boolean isSeparator(String token) {
        return token.equals(",") || token.equals("and") || token.equals("&") || token.equals("aur");
    }
}
