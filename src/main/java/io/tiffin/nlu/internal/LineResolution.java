package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Unresolved;
import io.tiffin.nlu.internal.Mention.ItemMention;
import io.tiffin.nlu.internal.Mention.OptionMention;
import io.tiffin.nlu.internal.Mention.Quantity;
import io.tiffin.nlu.internal.OrderAssembler.Assembly;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The last stage of {@link OrderAssembler}: checks each drafted line against the menu (unknown,
 * ambiguous, unavailable items, options it does not offer, choices still missing) and reads the kitchen
 * note left after each line. Kept apart because it is the only stage that answers in the parse result's
 * terms rather than in drafts.
 */
final class LineResolution {

    /** Reads the kitchen note said after a line ("less sugar", "well done"); null reads none. */
    private final LineNotes notes;

    /** Words after an option that refuse it ("onion free", "pyaaz nahi"). */
    private final Set<String> negatedAfter;

    LineResolution(LineNotes notes, Set<String> negatedAfter) {
        this.notes = notes;
        this.negatedAfter = Set.copyOf(negatedAfter);
    }

    private static final int ALTERNATIVES = 5;

    /** "onion free", "pyaaz nahi": the refusal comes after the option. */
    boolean negatedAfter(MentionScanner.Scan scan, OptionMention o) {
        return o.end() < scan.tokens().length && negatedAfter.contains(scan.tokens()[o.end()]);
    }

    Assembly resolve(
            MentionScanner.Scan scan,
            MenuIndex index,
            List<Draft> drafts,
            List<ItemMention> negated,
            int unknownWords,
            Set<Integer> declinedAt) {
        List<Line> lines = new ArrayList<>();
        List<Unresolved> unresolved = new ArrayList<>();
        int guesses = 0;
        // lines before this index were already repeated by an earlier "same again"
        int repeatedFrom = 0;
        java.util.Map<Draft, String> noteOf =
                notes == null ? java.util.Map.of() : notesOf(scan, index, drafts, declinedAt);
        for (Draft draft : drafts) {
            if (draft.unknown != null) {
                String span = span(scan, draft.unknown.start(), draft.unknown.end());
                unresolved.add(new Unresolved(span, Reason.UNKNOWN_ITEM, index.closestItems(span, 3)));
                continue;
            }
            String span = span(scan, draft.item.start(), draft.item.end());
            if (draft.item.itemIds().size() > 1) {
                unresolved.add(new Unresolved(span, Reason.AMBIGUOUS, draft.item.itemIds(), noteOf.get(draft)));
                continue;
            }
            Menu.Item item = index.itemsById.get(draft.item.itemIds().getFirst());
            if (!item.isAvailable()) {
                unresolved.add(new Unresolved(span, Reason.UNAVAILABLE, alternatives(index, item)));
                continue;
            }
            guesses += (draft.item.partial() ? 1 : 0) + (draft.item.fuzzy() ? 1 : 0);
            List<ChosenOption> declined = new ArrayList<>();
            List<ChosenOption> options = options(scan, item, draft.options, unresolved, declined);
            // a refused extra is on the line as such, never in its note: the cart, the order and the kitchen name it
            Line line = new Line(item.id(), draft.quantity, options, noteOf.get(draft), declined);
            if (draft.copiedAt >= 0 && !lines.isEmpty() && sameButCount(lines.getLast(), line)) {
                // "a vegan burger for me, same for her": the line again, nothing changed, is one more of it
                Line before = lines.removeLast();
                line = new Line(item.id(), before.quantity() + line.quantity(), options, before.notes(), declined);
                // "a burrito and a water, then the same again": the lines said with it are repeated too
                for (int j = repeatedFrom; j < lines.size(); j++) {
                    Line with = lines.get(j);
                    lines.set(
                            j,
                            new Line(
                                    with.itemId(), with.quantity() * 2, with.options(), with.notes(), with.declined()));
                }
                lines.add(line);
                repeatedFrom = lines.size();
                missingChoices(span, item, options, unresolved);
                continue;
            }
            lines.add(line);
            missingChoices(span, item, options, unresolved);
        }
        List<Line> removals = negated.stream()
                .filter(m -> m.itemIds().size() == 1)
                .map(m -> new Line(m.itemIds().getFirst(), 1, List.of(), null))
                .toList();
        boolean counted = drafts.stream().anyMatch(d -> d.quantityGiven);
        return new Assembly(lines, unresolved, removals, guesses, unknownWords, counted);
    }

    /** The copy's note may only be its own words of repeating ("same for her", "same again for my brother"). */
    private static boolean sameButCount(Line a, Line copy) {
        String note = copy.notes();
        boolean repeatOnly = note == null
                || java.util.Objects.equals(a.notes(), note)
                || note.startsWith("same") && !note.contains(" but ") && note.split(" ").length <= 5;
        return a.itemId().equals(copy.itemId())
                && a.options().equals(copy.options())
                && a.declined().equals(copy.declined())
                && repeatOnly;
    }

    /**
     * The words after each line up to the next line that went into no line: "2 masala chai less
     * sugar" leaves "less sugar", "butter chicken, make it spicy" (no spice option) "make it
     * spicy". Words between a line's item and an option it took ("paneer tikka make it spicy" with
     * a spice option) are how the option was asked for, not a note.
     */
    private java.util.Map<Draft, String> notesOf(
            MentionScanner.Scan scan, MenuIndex index, List<Draft> drafts, Set<Integer> declinedAt) {
        String[] tokens = scan.tokens();
        boolean[] used = new boolean[tokens.length];
        List<Mention> mentions = scan.mentions();
        Set<Integer> attached = new java.util.HashSet<>();
        Set<ItemMention> lineItems = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Draft d : drafts) {
            d.options.forEach(o -> attached.add(o.start()));
            d.named.forEach(o -> attached.add(o.start()));
            if (d.item != null) {
                lineItems.add(d.item);
            }
        }
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            // a dish named whole is a line or a refusal ("2 butter naan, no coke"); a word of a dish
            // said with "no" ("dal makhani, no onion no garlic", garlic naan on the menu) is a note
            boolean taken = m instanceof ItemMention i && (!i.partial() || lineItems.contains(i))
                    || m instanceof Quantity
                    || m instanceof OptionMention o && (declinedAt.contains(o.start()) || attached.contains(o.start()));
            if (taken) {
                java.util.Arrays.fill(used, m.start(), m.end(), true);
                if (m instanceof OptionMention o && negatedAfter(scan, o)) {
                    used[o.end()] = true; // "onions nahi": the refusal is read, not a note
                }
                if (m instanceof OptionMention o && OptionGroups.namesItsGroup(scan, index, o)) {
                    used[o.end()] = true; // "brown bread" with a Bread choice, "medium size": the option, named
                }
            }
        }
        drafts.stream()
                .filter(d -> d.unknown != null)
                .forEach(d -> java.util.Arrays.fill(used, d.unknown.start(), d.unknown.end(), true));
        for (Draft d : drafts) {
            // "one veg samosa 2 pcs": the pack size of "Veg Samosa (2 pcs)" said again is no note
            int pack = d.item == null || d.item.itemIds().size() != 1
                    ? 0
                    : index.packSizeSaid(d.item.itemIds().get(0), tokens, d.item.end());
            java.util.Arrays.fill(
                    used, d.item == null ? 0 : d.item.end(), d.item == null ? 0 : d.item.end() + pack, true);
        }
        List<Draft> ordered = new ArrayList<>(drafts);
        ordered.sort(java.util.Comparator.comparingInt(Draft::start));
        java.util.Map<Draft, String> result = new java.util.HashMap<>();
        for (int k = 0; k < ordered.size(); k++) {
            Draft draft = ordered.get(k);
            if (draft.unknown != null) {
                continue;
            }
            int from = draft.itemEnd();
            int to = k + 1 < ordered.size() ? Math.max(from, ordered.get(k + 1).start()) : tokens.length;
            // only what follows the last word the line took
            int start = from;
            for (int t = from; t < to; t++) {
                if (used[t]) {
                    start = t + 1;
                }
            }
            String note = notes.read(java.util.Arrays.copyOfRange(tokens, Math.min(start, to), to));
            if (note != null) {
                result.put(draft, note);
            }
        }
        return result;
    }

    static List<ChosenOption> options(
            MentionScanner.Scan scan,
            Menu.Item item,
            List<Said> said,
            List<Unresolved> unresolved,
            List<ChosenOption> declined) {
        List<ChosenOption> chosen = new ArrayList<>();
        for (Said s : said) {
            var ref = s.options().stream()
                    .filter(r -> r.itemId().equals(item.id()))
                    .findFirst()
                    .orElse(null);
            if (ref == null) {
                continue;
            }
            Menu.OptionGroup group = item.group(ref.groupId()).orElseThrow();
            Menu.Option option = group.option(ref.optionId()).orElseThrow();
            if (s.declined() != null) {
                // refusing the extra is not refusing the option: nothing is added or taken away
                declined.removeIf(
                        c -> c.groupId().equals(group.id()) && c.optionId().equals(option.id()));
                declined.add(new ChosenOption(group.id(), option.id(), s.declined()));
                chosen.removeIf(c -> c.groupId().equals(group.id())
                        && c.optionId().equals(option.id())
                        && c.qualifier() == s.declined());
                continue;
            }
            if (!option.isAvailable()) {
                if (s.qualifier() != Qualifier.NO) {
                    unresolved.add(new Unresolved(
                            span(scan, s.start(), s.end()),
                            Reason.UNAVAILABLE,
                            group.options().stream()
                                    .filter(Menu.Option::isAvailable)
                                    .map(Menu.Option::id)
                                    .toList()));
                }
                continue;
            }
            Qualifier qualifier = s.qualifier();
            if (group.isSingleChoice()) {
                if (qualifier == Qualifier.NO) {
                    continue;
                }
                // a single choice: the last one said replaces any earlier one (and the default)
                chosen.removeIf(c -> c.groupId().equals(group.id()));
                qualifier = null;
            } else if (qualifier != null
                    && !group.qualifiers().contains(qualifier.name().toLowerCase(Locale.ROOT))) {
                if (qualifier == Qualifier.NO) {
                    continue; // the group cannot leave it out: not choosing it is the closest we can do
                }
                qualifier = null;
            }
            chosen.removeIf(c -> c.groupId().equals(group.id()) && c.optionId().equals(option.id()));
            chosen.add(new ChosenOption(group.id(), option.id(), qualifier));
        }
        return chosen;
    }

    /** A group the customer must choose in, with no default and nothing chosen: the bot asks. */
    static void missingChoices(String span, Menu.Item item, List<ChosenOption> chosen, List<Unresolved> unresolved) {
        for (Menu.OptionGroup group : item.optionGroups()) {
            long picked = chosen.stream()
                    .filter(c -> c.groupId().equals(group.id()) && c.qualifier() != Qualifier.NO)
                    .count();
            if (group.minOrZero() >= 1 && picked == 0 && group.defaults().isEmpty()) {
                unresolved.add(new Unresolved(
                        span,
                        Reason.MISSING_CHOICE,
                        group.options().stream()
                                .filter(Menu.Option::isAvailable)
                                .map(Menu.Option::id)
                                .toList()));
            }
        }
    }

    static List<String> alternatives(MenuIndex index, Menu.Item item) {
        String category = index.categoryOfItem.get(item.id());
        return index.itemsById.values().stream()
                .filter(other -> other.isAvailable() && category.equals(index.categoryOfItem.get(other.id())))
                .map(Menu.Item::id)
                .limit(ALTERNATIVES)
                .toList();
    }

    static String span(MentionScanner.Scan scan, int start, int end) {
        return String.join(" ", java.util.Arrays.copyOfRange(scan.tokens(), start, end));
    }
}
