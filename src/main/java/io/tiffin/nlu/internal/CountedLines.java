package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.internal.Mention.Filler;
import io.tiffin.nlu.internal.Mention.ItemMention;
import io.tiffin.nlu.internal.Mention.OptionMention;
import io.tiffin.nlu.internal.Mention.QualifierWord;
import io.tiffin.nlu.internal.Mention.Quantity;
import io.tiffin.nlu.internal.Mention.Separator;
import io.tiffin.nlu.internal.Mention.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Counts and quantities for {@link OrderAssembler}: whether a number is a count or only an article
 * ("a"), whether it counts what follows or what came before ("garlic naan 2"), and how a counted line
 * splits into one line per unit ("two lattes, one with oat milk"). Kept apart so the main pass reads as
 * the order of stages, not as the many cases a count can mean.
 */
final class CountedLines {

    /**
     * "three bowls: chicken, steak and carnitas", "two bowls, steak and carnitas": a count of an item
     * followed at once (or after a comma) by a list of as many picks of one of its groups, and nothing
     * else, is one line per pick; what was said before
     * the item ("three large bowls") goes to each. "two pizzas with ham and pineapple" (the list
     * after "with") and "a chicken and steak burrito" (one) stay one line.
     */
    static List<Draft> onePerUnit(
            MentionScanner.Scan scan, List<Draft> drafts, Set<String> listJoins, Set<String> quantityGlue) {
        List<Draft> out = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            List<Said> listed = listedOnePerUnit(scan, d, listJoins, quantityGlue);
            if (listed.isEmpty()) {
                out.add(d);
                continue;
            }
            for (Said pick : listed) {
                Draft one = new Draft(d.item, null, null);
                one.quantityGiven = true;
                d.options.stream().filter(s -> s == pick || !listed.contains(s)).forEach(one.options::add);
                out.add(one);
            }
        }
        return out;
    }

    /**
     * The picks a line lists one per unit, in the order said: a run of picks of one group right
     * after the item, with only list words between them, as many as the count; empty when it lists
     * none that way. What is said after the run ("... with white rice") is for every line.
     */
    private static List<Said> listedOnePerUnit(
            MentionScanner.Scan scan, Draft d, Set<String> listJoins, Set<String> quantityGlue) {
        if (d.item == null
                || d.item.itemIds().size() != 1
                || !d.quantityGiven
                || d.quantity < 2
                || d.whole != null
                || d.copiedAt >= 0
                || !d.named.isEmpty()
                || quantityGlue.contains(scan.tokens()[d.item.end() - 1])) {
            return List.of(); // "two side of chips and guacamole": the side is of both, one line
        }
        String itemId = d.item.itemIds().get(0);
        List<Said> run = new ArrayList<>();
        Set<String> groups = new java.util.HashSet<>();
        boolean groupRepeats = false;
        int after = d.item.end();
        for (Said s : d.options.stream()
                .filter(o -> o.start() >= d.item.end())
                .sorted(java.util.Comparator.comparingInt(Said::start))
                .toList()) {
            var ref =
                    s.options().stream().filter(r -> r.itemId().equals(itemId)).toList();
            boolean joined = true;
            for (int t = after; t < s.start(); t++) {
                joined &= listJoins.contains(scan.tokens()[t]);
            }
            if (!joined
                    || ref.size() != 1
                    || s.qualifier() != null
                    || s.declined() != null
                    || run.size() == d.quantity && !groups.contains(ref.get(0).groupId())) {
                break; // "two burritos, chicken and steak, brown rice ...": what follows is for both
            }
            groupRepeats |= !groups.add(ref.get(0).groupId());
            run.add(s);
            after = s.end();
        }
        if (run.size() != d.quantity
                || !onlyCommas(scan.tokens(), d.item.end(), run.getFirst().start())) {
            return List.of();
        }
        // "3 pizzas: pepperoni, veggie and margherita": kinds of several groups are one a unit when two
        // of them could not be one dish's ("two lattes, decaf and vanilla" stays two of one latte)
        return groups.size() == 1 || groupRepeats ? run : List.of();
    }

    /** "two bowls, steak and carnitas": only commas (or nothing) between the item and its first pick. */
    private static boolean onlyCommas(String[] tokens, int from, int to) {
        for (int t = from; t < to; t++) {
            if (!tokens[t].equals(",")) {
                return false;
            }
        }
        return true;
    }

    /** The last line that names a menu item, or null. */
    static Draft lastNamed(List<Draft> drafts) {
        for (int d = drafts.size() - 1; d >= 0; d--) {
            if (drafts.get(d).item != null && drafts.get(d).item.itemIds().size() == 1) {
                return drafts.get(d);
            }
        }
        return null;
    }

    /** Whether an item is named after position {@code k} before the next count. */
    static boolean itemFollows(List<Mention> mentions, int k) {
        for (int next = k + 1; next < mentions.size(); next++) {
            if (mentions.get(next) instanceof Quantity) {
                return false;
            }
            if (mentions.get(next) instanceof ItemMention) {
                return true;
            }
        }
        return false;
    }

    /** "... two without": a bare refusal is all that is said after the count at {@code k}. */
    static boolean onlyRefusalFollows(List<Mention> mentions, int k) {
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof Filler) {
                continue;
            }
            return m instanceof QualifierWord w && w.qualifier() == Qualifier.NO && nothingFollows(mentions, next);
        }
        return false;
    }

    /** Whether no option or item is said after {@code k} before the next count or the end. */
    static boolean nothingFollows(List<Mention> mentions, int k) {
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof Quantity) {
                return true;
            }
            if (m instanceof OptionMention || m instanceof ItemMention || m instanceof Unknown) {
                return false;
            }
        }
        return true;
    }

    /** Whether an option is said after {@code k} before the next count or item. */
    static boolean optionFollows(List<Mention> mentions, int k) {
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof Quantity || m instanceof ItemMention) {
                return false;
            }
            if (m instanceof OptionMention) {
                return true;
            }
        }
        return false;
    }

    /** The part of a split line refused with nothing named refuses what its other parts were given. */
    static void refuseWhatOthersGot(Draft line, List<Draft> drafts) {
        Draft whole = line.whole != null ? line.whole : line;
        for (Draft other : drafts) {
            if (other == line || other != whole && other.whole != whole) {
                continue;
            }
            for (Said given : other.options) {
                if (given.qualifier() != Qualifier.NO && !line.options.contains(given)) {
                    line.options.add(new Said(given.options(), Qualifier.NO, given.start(), given.end()));
                }
            }
        }
    }

    /**
     * "a"/"an" before options the open line offers, with no item after them, is an article:
     * "a pie with mushrooms and a thin crust". Before an item or another item's option it counts.
     */
    static boolean isArticle(Quantity q, Draft current, List<Mention> mentions, int k) {
        if (current == null || current.item == null || !q.spelledOut() || q.value() != 1) {
            return false;
        }
        boolean anyOption = false;
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof Filler || m instanceof QualifierWord || m instanceof Separator) {
                continue;
            }
            if (m instanceof OptionMention o) {
                if (!current.offers(o.options())) {
                    return false;
                }
                anyOption = true;
                continue;
            }
            return anyOption && !(m instanceof ItemMention) && !(m instanceof Quantity);
        }
        return anyOption;
    }

    /**
     * "a" before an option that the options still waiting for their line can also take ("a latte,
     * make it a large"; the drink is named by its options): an article, not a second line.
     */
    static boolean isArticleOfWaiting(Quantity q, List<Said> waiting, List<Mention> mentions, int k, MenuIndex index) {
        if (waiting.isEmpty() || !q.spelledOut() || q.value() != 1) {
            return false;
        }
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof Filler || m instanceof QualifierWord) {
                continue;
            }
            if (!(m instanceof OptionMention o)) {
                return false;
            }
            if (OptionAttachment.picksAgain(index, waiting, mentions, next)) {
                return false;
            }
            // every option up to the next count or item must fit the same line: "balsamic glaze and
            // also a large sprite" counts a drink
            List<Said> run = new ArrayList<>(waiting);
            for (int after = next; after < mentions.size() && !(mentions.get(after) instanceof Quantity); after++) {
                if (mentions.get(after) instanceof OptionMention later) {
                    Said said = new Said(later.options(), null, later.start(), later.end());
                    if (!OptionAttachment.offeredTogether(run, said)) {
                        return false;
                    }
                    run.add(said);
                }
            }
            return true;
        }
        return false;
    }

    /** "garlic naan 2, butter naan 3": the message names an item first and counts it after. */
    static boolean countsAfterItems(List<Mention> mentions) {
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            if (m instanceof Quantity) {
                return false;
            }
            if (m instanceof ItemMention) {
                for (int next = k + 1; next < mentions.size(); next++) {
                    if (!(mentions.get(next) instanceof Filler)) {
                        return mentions.get(next) instanceof Quantity;
                    }
                }
                return false;
            }
        }
        return false;
    }

    static boolean countsWhatFollows(List<Mention> mentions, int k) {
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (!(m instanceof Filler)) {
                return m instanceof ItemMention
                        || m instanceof OptionMention
                        || m instanceof Unknown
                        || m instanceof QualifierWord;
            }
        }
        return false;
    }
}
