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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attaching options to lines for {@link OrderAssembler}: options said before an item wait for it ("a
 * large pizza"), options after a separator go to the line before when its item offers them, and options
 * said with no item name the item that offers them ("a large pepperoni"). Kept apart so the rules of
 * where an option belongs can be read in one place.
 */
final class OptionAttachment {

    /** Whether the mention at {@code k} follows a joining word ("and"), not a comma. */
    static boolean afterJoin(MentionScanner.Scan scan, List<Mention> mentions, int k) {
        return k > 0 && mentions.get(k - 1) instanceof Separator sep && !scan.tokens()[sep.start()].equals(",");
    }

    /** How many options right after {@code k} (before anything else) are picks of one-pick groups only. */
    static int onePicksFollow(MenuIndex index, List<Mention> mentions, int k) {
        int picks = 0;
        for (int next = k + 1; next < mentions.size(); next++) {
            if (!(mentions.get(next) instanceof OptionMention o) || !OptionGroups.takesOneOnly(index, o.options())) {
                break;
            }
            picks++;
        }
        return picks;
    }

    /** Whether the item of {@code line} is named again after {@code k}, with only options and chatter between. */
    /**
     * "chicken burrito, steak burrito": options after a separator, of a group the line chose from
     * before its item, before the same item said again are another line of it ("a pie with pesto
     * and ham pizza" stays one).
     */
    static boolean namesAnotherAfterSeparator(List<Mention> mentions, Draft line, List<Said> waiting) {
        if (waiting.isEmpty()) {
            return false;
        }
        int first = -1;
        for (int m = 0; m < mentions.size(); m++) {
            if (mentions.get(m).start() == waiting.getFirst().start()) {
                first = m;
                break;
            }
        }
        return first > 0
                && afterSeparator(mentions, first)
                && line.options.stream()
                        .anyMatch(c -> c.start() < line.item.start()
                                && waiting.stream().anyMatch(w -> OptionGroups.sameGroup(c.options(), w.options())));
    }

    /** Whether the mention before k, past fillers, is a separator. */
    static boolean afterSeparator(List<Mention> mentions, int k) {
        for (int before = k - 1; before >= 0; before--) {
            Mention m = mentions.get(before);
            if (m instanceof Separator) {
                return true;
            }
            if (!(m instanceof Filler)) {
                return false;
            }
        }
        return false;
    }

    /** Whether, past options and fillers, the next mention is an item that offers this option. */
    static boolean offeringItemFollows(List<Mention> mentions, int k, OptionMention o) {
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof ItemMention item) {
                return o.options().stream().anyMatch(r -> item.itemIds().contains(r.itemId()));
            }
            if (!(m instanceof OptionMention || m instanceof Filler)) {
                return false;
            }
        }
        return false;
    }

    static boolean sameItemFollows(List<Mention> mentions, int k, Draft line) {
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof ItemMention item) {
                return line.item != null && item.itemIds().equals(line.item.itemIds());
            }
            if (!(m instanceof OptionMention || m instanceof Filler || m instanceof QualifierWord)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Options said before an item go to it when it offers them ("a large pepperoni pizza"); the
     * others were about something else and make their own line ("coke and a burrito").
     */
    static void attachWaiting(
            Draft draft, List<Said> waiting, MentionScanner.Scan scan, MenuIndex index, List<Draft> drafts) {
        List<Said> elsewhere = new ArrayList<>();
        for (Said said : waiting) {
            if (draft.offers(said.options())) {
                draft.options.add(said);
            } else {
                elsewhere.add(said);
            }
        }
        waiting.clear();
        flush(elsewhere, null, scan, index, drafts);
    }

    /**
     * Makes lines of options said with no item; what cannot make a line ("... but leave off the
     * ham" after a count of nothing) goes to the last line that offers it.
     */
    static void flush(
            List<Said> waiting, Quantity quantity, MentionScanner.Scan scan, MenuIndex index, List<Draft> drafts) {
        List<Said> said = List.copyOf(waiting);
        List<Draft> made = itemOfOptions(waiting, quantity, scan, index);
        if (quantity != null && made.size() == 1 && !drafts.isEmpty()) {
            made = List.of(RepeatedLines.anotherOfLineBefore(made.getFirst(), drafts.getLast(), quantity, scan, index));
        }
        if (made.size() == 1 && !drafts.isEmpty()) {
            RepeatedLines.keepsMainPickOfLineBefore(made.getFirst(), drafts.getLast(), index);
        }
        Set<Said> used = new java.util.HashSet<>();
        made.forEach(d -> used.addAll(d.options));
        made.forEach(d -> used.addAll(d.named));
        List<Said> pending = new ArrayList<>();
        for (Said s : said) {
            if (used.contains(s)) {
                continue;
            }
            boolean placed = false;
            for (int k = drafts.size() - 1; k >= 0 && !placed; k--) {
                if (drafts.get(k).offers(s.options())) {
                    drafts.get(k).options.add(s);
                    placed = true;
                }
            }
            if (!placed && s.qualifier() == Qualifier.NO) {
                pending.add(s); // "no onions and peppers on a large pizza": the refusal waits for its item
            }
        }
        drafts.addAll(made);
        waiting.addAll(pending);
    }

    /**
     * "a dark roast coffee with cinnamon": a word of two groups of the line being said, one of them
     * a single pick the line has made already, is the other group's pick (cinnamon the topping,
     * not a second roast), rather than a second line.
     */
    static Said narrowedToOpenGroup(MenuIndex index, Draft current, List<Said> waiting, Said said) {
        List<Said> chosen =
                !waiting.isEmpty() ? waiting : current != null && current.item != null ? current.options : List.of();
        if (chosen.isEmpty()) {
            return said;
        }
        List<MenuIndex.OptionRef> open = said.options().stream()
                .filter(r -> !(OptionGroups.takesOne(index, r)
                        && chosen.stream().anyMatch(c -> OptionGroups.sameGroup(c.options(), List.of(r)))))
                .toList();
        if (open.isEmpty() || open.size() == said.options().size()) {
            return said;
        }
        Said narrowed = new Said(open, said.qualifier(), said.start(), said.end(), said.declined());
        boolean fits = !waiting.isEmpty() ? offeredTogether(waiting, narrowed) : current.offers(open);
        return fits ? narrowed : said;
    }

    /** Whether the options waiting for an item and this one are all offered by some item. */
    static boolean offeredTogether(List<Said> waiting, Said next) {
        Set<String> offering = null;
        for (Said s : waiting) {
            Set<String> items =
                    s.options().stream().map(MenuIndex.OptionRef::itemId).collect(Collectors.toSet());
            offering = offering == null ? items : intersection(offering, items);
        }
        Set<String> nextItems =
                next.options().stream().map(MenuIndex.OptionRef::itemId).collect(Collectors.toSet());
        return offering != null && !intersection(offering, nextItems).isEmpty();
    }

    /**
     * Whether the options from {@code from} up to the next count or item pick again in a group of
     * one pick that {@code picks} already chose ("... a large drip coffee" after "decaf americano"
     * names a second drink), or an item comes first.
     */
    static boolean picksAgain(MenuIndex index, List<Said> picks, List<Mention> mentions, int from) {
        for (int next = from; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof Quantity) {
                return false;
            }
            if (m instanceof ItemMention) {
                return true;
            }
            if (m instanceof OptionMention o
                    && (OptionGroups.choosesAgain(index, picks, new Said(o.options(), null, o.start(), o.end()))
                            || OptionGroups.repeatsOnePick(index, picks, o))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a count smaller than the line before, followed by options that line takes and no
     * other item before the next count, picks part of it out ("two burritos, one with beans").
     * {@code line} null: the line is still a run of options (checked against the options alone).
     */
    static boolean splitsOff(Quantity q, List<Mention> mentions, int k, Draft line, List<Said> picks, MenuIndex index) {
        if (picksAgain(index, picks, mentions, k + 1)) {
            return false; // "five cokes and two 7 ups": another drink, not part of the cokes
        }
        boolean option = false;
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof Quantity) {
                break;
            }
            if (m instanceof ItemMention || m instanceof Unknown && !option) {
                return false;
            }
            if (m instanceof OptionMention o) {
                if (!option && line != null && !line.offers(o.options())) {
                    return false;
                }
                option = true;
            }
        }
        return option;
    }

    /**
     * "a decaf skinny latte": two picks of one group said together, right before the dish or a pick
     * of another of its groups, are both of that one line ("coke sprite" with nothing after is two).
     */
    static boolean stackedBeforeHead(MentionScanner.Scan scan, MenuIndex index, List<Said> waiting, Said next) {
        if (waiting.isEmpty() || waiting.getLast().end() != next.start() || next.end() >= scan.tokens().length) {
            return false;
        }
        var item = index.items.longest(scan.canonical(), next.end());
        if (item != null) {
            return next.options().stream().anyMatch(r -> item.value().contains(r.itemId()));
        }
        var option = index.options.longest(scan.canonical(), next.end());
        return option != null
                && option.value().stream()
                        .anyMatch(o -> next.options().stream()
                                .anyMatch(r -> r.itemId().equals(o.itemId())
                                        && !r.groupId().equals(o.groupId())));
    }

    /**
     * Options said with no item after them ("one large pepperoni"): the item is the one that offers
     * them all, narrowed by option words that also name items ("pepperoni" as in Pepperoni Pizza).
     * A run no single item offers is split where the offer runs out ("a large coke ... chips"). Taken
     * when counted, when an item is named that way, or when only one item offers a plainly said
     * option; otherwise "no onions" or "extra cheese" alone would order something. Empties
     * {@code waiting}.
     */
    static List<Draft> itemOfOptions(List<Said> waiting, Quantity quantity, MentionScanner.Scan scan, MenuIndex index) {
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<Said> said = List.copyOf(waiting);
        waiting.clear();
        List<Draft> drafts = new ArrayList<>();
        List<Said> run = new ArrayList<>();
        Set<String> offering = null;
        for (Said s : said) {
            Set<String> items = s.options().stream()
                    .map(MenuIndex.OptionRef::itemId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> narrowed = offering == null ? items : intersection(offering, items);
            if (narrowed.isEmpty() && !run.isEmpty()) {
                draftOf(run, offering, drafts.isEmpty() ? quantity : null, scan, index)
                        .ifPresent(drafts::add);
                run.clear();
                narrowed = items;
            }
            run.add(s);
            offering = narrowed;
        }
        draftOf(run, offering, drafts.isEmpty() ? quantity : null, scan, index).ifPresent(drafts::add);
        return drafts;
    }

    static java.util.Optional<Draft> draftOf(
            List<Said> said, Set<String> offering, Quantity quantity, MentionScanner.Scan scan, MenuIndex index) {
        if (said.stream().allMatch(s -> s.qualifier() == Qualifier.NO)) {
            return java.util.Optional.empty();
        }
        List<Said> naming =
                said.stream().filter(s -> namesItems(scan, index, s)).toList();
        Set<String> candidates = offering;
        for (Said s : naming) {
            Set<String> named = intersection(candidates, index.itemsNamedBy(scan.canonical(), s.start(), s.end()));
            if (!named.isEmpty()) {
                candidates = named;
            }
        }
        boolean plainlyOne = candidates.size() == 1 && said.stream().anyMatch(s -> s.qualifier() == null);
        if (candidates.isEmpty() || quantity == null && naming.isEmpty() && !plainlyOne) {
            return java.util.Optional.empty();
        }
        int start = said.getFirst().start();
        int end = said.getLast().end();
        var mention = new ItemMention(start, end, List.copyOf(candidates), true, false);
        var draft = new Draft(mention, null, quantity);
        List<String> chosen = List.copyOf(candidates);
        for (Said s : said) {
            // the words that named the item are its name, not a topping on it
            boolean isTheName = chosen.size() == 1
                    && naming.contains(s)
                    && index.itemsNamedBy(scan.canonical(), s.start(), s.end()).contains(chosen.getFirst());
            if (isTheName) {
                draft.named.add(s);
            } else {
                draft.options.add(s);
            }
        }
        return java.util.Optional.of(draft);
    }

    static boolean namesItems(MentionScanner.Scan scan, MenuIndex index, Said said) {
        return !index.itemsNamedBy(scan.canonical(), said.start(), said.end()).isEmpty();
    }

    static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
