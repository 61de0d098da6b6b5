package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.nlu.ParseResult.ChosenOption;
import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.ParseResult.Reason;
import io.tiffin.nlu.ParseResult.Unresolved;
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
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups a message's mentions into order lines. A quantity or an item starts a new line; options
 * said before an item wait for it ("a large pizza"); options after a separator still go to the line
 * before when that item has them ("pizza with extra cheese and no onions"), while another item
 * after a separator starts its own line ("butter chicken with garlic naan"). "no"/"without" before
 * an item (not an option) names something the customer does not want.
 */
final class OrderAssembler {

    private static final int ALTERNATIVES = 5;

    /** What a message orders: lines, what could not be resolved, what it asks to leave out. */
    record Assembly(
            List<Line> lines,
            List<Unresolved> unresolved,
            List<Line> removals,
            int guesses,
            int unknownWords,
            boolean counted) {}

    /**
     * An option as said; {@code declined} is the qualifier a "no" refused ("no extra cheese": NO over
     * EXTRA), so the line can say so without adding or removing the option itself.
     */
    private record Said(
            List<MenuIndex.OptionRef> options, Qualifier qualifier, int start, int end, Qualifier declined) {
        Said(List<MenuIndex.OptionRef> options, Qualifier qualifier, int start, int end) {
            this(options, qualifier, start, end, null);
        }
    }

    private static final class Draft {
        final ItemMention item;
        final Unknown unknown;
        /** Where the count was said, if it was said before the item: the line's words start there. */
        final int quantityStart;

        int quantity;
        boolean quantityGiven;
        final List<Said> options = new ArrayList<>();
        /** The line this one was split from ("two lattes, one with oat milk"), or null. */
        Draft whole;
        /** Whether a later count already named the rest of this line ("... and one with swiss"). */
        boolean restNamed;
        /** Where "same thing" copied this line from another: bare picks after it replace (-1: not a copy). */
        int copiedAt = -1;
        /** Options whose words named the item instead ("pepperoni" for Pepperoni Pizza). */
        final List<Said> named = new ArrayList<>();

        Draft(ItemMention item, Unknown unknown, Quantity quantity) {
            this.item = item;
            this.unknown = unknown;
            this.quantity = quantity == null ? 1 : quantity.value();
            this.quantityGiven = quantity != null;
            this.quantityStart = quantity == null ? Integer.MAX_VALUE : quantity.start();
        }

        /** The first word of the line: its count, its item, or an option said before the item. */
        int start() {
            int start = Math.min(quantityStart, item != null ? item.start() : unknown.start());
            for (Said s : options) {
                start = Math.min(start, s.start());
            }
            for (Said s : named) {
                start = Math.min(start, s.start());
            }
            return start;
        }

        int itemEnd() {
            return item != null ? item.end() : unknown.end();
        }

        boolean offers(List<MenuIndex.OptionRef> refs) {
            return item != null && refs.stream().anyMatch(r -> item.itemIds().contains(r.itemId()));
        }
    }

    /** Separator words of alternatives ("or"): "no peppers or onions" leaves out both. */
    private final Set<String> alternatives;

    /** Number words that may be only an article ("a"). */
    private final Set<String> articles;

    /** Reads the kitchen note said after a line ("less sugar", "well done"); null reads none. */
    private final LineNotes notes;

    /** Words after an option that refuse it ("onion free", "pyaaz nahi"). */
    private final Set<String> negatedAfter;

    /** Words that spread what follows over every line before ("both", "each", "all of them"). */
    private final Set<String> distributive;

    /** Separators that join a list ("and", ","): a "no" reaches a bare option right after one. */
    private final Set<String> listJoins;

    /** Words after which a refusal no longer reaches the options that follow ("no beans just lettuce"). */
    private final Set<String> refusalEnds;

    /** Words that order another of the line just said ("same thing but steak"). */
    private final Set<String> sameAgain;

    /** Words after a count that make it a part of the line before ("two of them"). */
    private final PhraseTable<Boolean> partitive;

    /** Words between a count and what it counts ("2 plates of"): an item's name ending in one ("side of") is completed by what follows. */
    private final Set<String> quantityGlue;

    /** Words before a distributive word that point back at the options just said ("with salsa on both"). */
    private final Set<String> distributiveAfter;

    OrderAssembler(Set<String> alternatives, Set<String> articles) {
        this(
                alternatives,
                articles,
                null,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                new PhraseTable<>(),
                Set.of());
    }

    OrderAssembler(
            Set<String> alternatives,
            Set<String> articles,
            LineNotes notes,
            Set<String> negatedAfter,
            Set<String> listJoins,
            Set<String> distributive,
            Set<String> refusalEnds,
            Set<String> distributiveAfter,
            Set<String> sameAgain,
            PhraseTable<Boolean> partitive,
            Set<String> quantityGlue) {
        this.partitive = partitive;
        this.quantityGlue = Set.copyOf(quantityGlue);
        this.distributive = Set.copyOf(distributive);
        this.sameAgain = Set.copyOf(sameAgain);
        this.distributiveAfter = Set.copyOf(distributiveAfter);
        this.refusalEnds = Set.copyOf(refusalEnds);
        this.alternatives = Set.copyOf(alternatives);
        this.articles = Set.copyOf(articles);
        this.notes = notes;
        this.negatedAfter = Set.copyOf(negatedAfter);
        this.listJoins = Set.copyOf(listJoins);
    }

    Assembly assemble(MentionScanner.Scan scan, MenuIndex index) {
        List<Mention> mentions = scan.mentions();
        List<Draft> drafts = new ArrayList<>();
        List<ItemMention> negated = new ArrayList<>();
        List<Said> waiting = new ArrayList<>();
        Draft current = null;
        Quantity quantity = null;
        Qualifier qualifier = null;
        boolean negationCarries = false;
        // what the last "no" refused: "no onions and peppers" carries it over a list of the same kind
        List<MenuIndex.OptionRef> lastNegated = null;
        // after "both" / "all of them": the lines the options that follow go to
        List<Draft> distributeTo = null;
        boolean pendingNo = false;
        // "extra caramel drizzles": an extra or light a word the menu does not know before an option
        Qualifier pendingMore = null;
        boolean declined = false;
        int unknownWords = 0;
        // "no extra cheese": a declined option was still about the line, not a note
        Set<Integer> declinedAt = new java.util.HashSet<>();

        boolean countsAfter = countsAfterItems(mentions);
        for (int k = 0; k < mentions.size(); k++) {
            Mention mention = mentions.get(k);
            if (!(mention instanceof Separator)
                    && !(mention instanceof OptionMention)
                    && !(mention instanceof Filler)) {
                negationCarries = false;
            }
            if (!(mention instanceof QualifierWord)
                    && !(mention instanceof OptionMention)
                    && !(mention instanceof Filler)) {
                declined = false;
            }
            switch (mention) {
                case Quantity q
                when q.value() == Quantity.REST -> {
                    distributeTo = null;
                    pendingNo = false;
                    if (current != null && current.whole != null && !current.whole.restNamed) {
                        // "two pies, one with ham and the other with sausage"
                        current.whole.restNamed = true;
                        current = current.whole;
                    }
                }
                case Quantity q -> {
                    distributeTo = null;
                    pendingNo = false;
                    if (articles.contains(scan.tokens()[q.start()])
                            && !(afterJoin(scan, mentions, k) && onePicksFollow(index, mentions, k) >= 2)
                            && (isArticle(q, current, mentions, k)
                                            && !picksAgain(index, current.options, mentions, k + 1)
                                    || isArticleOfWaiting(q, waiting, mentions, k, index))) {
                        // ... but "... and a small french roast" (two one-pick choices) names another
                        continue; // "with mushrooms and a thin crust", "a latte, make it a large": "a" counts nothing
                    }
                    Draft named = lastNamed(drafts);
                    if (quantity != null
                            && q.spelledOut()
                            && q.value() == 1
                            && !articles.contains(scan.tokens()[q.start()])
                            && !waiting.isEmpty()
                            && mentions.get(k - 1) instanceof OptionMention
                            && named != null
                            && waiting.stream().allMatch(w -> named.offers(w.options()))
                            && !itemFollows(mentions, k)
                            && (k + 1 == mentions.size()
                                    || mentions.get(k + 1) instanceof Separator
                                    || mentions.get(k + 1) instanceof Filler)) {
                        // "a small coffee and a large one with vanilla": "one" is another of the item before
                        Draft another = new Draft(named.item, null, quantity);
                        attachWaiting(another, waiting, scan, index, drafts);
                        // ... of the same kind: its single picks ("regular coffee") unless picked anew
                        for (Said kind : named.options) {
                            boolean single = kind.options().stream().allMatch(r -> takesOne(index, r));
                            if (single
                                    && kind.qualifier() == null
                                    && !choosesAgain(index, another.options, kind)
                                    && another.options.stream()
                                            .noneMatch(o -> sameGroup(o.options(), kind.options()))) {
                                another.options.add(kind);
                            }
                        }
                        another.named.addAll(named.named);
                        drafts.add(another);
                        current = another;
                        quantity = null;
                        continue;
                    }
                    Draft last = current;
                    boolean afterAnd = k > 0
                            && mentions.get(k - 1) instanceof Separator sep
                            && !scan.tokens()[sep.start()].equals(",");
                    if (!afterAnd
                            && last == null
                            && quantity != null
                            && !waiting.isEmpty()
                            && splitsOff(q, mentions, k, null, waiting, index)) {
                        // "two small coffees, one decaf": the line named by its options is made now
                        int before = drafts.size();
                        flush(waiting, quantity, scan, index, drafts);
                        quantity = null;
                        last = drafts.size() > before ? drafts.getLast() : null;
                    }
                    if (last != null
                            && last.whole != null
                            && !last.whole.restNamed
                            && q.value() == last.whole.quantity
                            && (splitsOff(q, mentions, k, last.whole, last.whole.options, index)
                                    || onlyRefusalFollows(mentions, k))) {
                        // "two subs, one with provolone and one with swiss": the rest of the line
                        // takes what follows
                        last.whole.restNamed = true;
                        current = last.whole;
                        continue;
                    }
                    if (last != null
                            && last.whole != null
                            && !last.whole.restNamed
                            && q.value() < last.whole.quantity
                            && splitsOff(q, mentions, k, last.whole, last.whole.options, index)) {
                        // "four large pizzas: two pepperoni, one sausage and one veggie": the next
                        // part is of the whole line again, not of the part before
                        last = last.whole;
                    } else if (afterAnd && partitive.longest(scan.tokens(), q.end()) == null) {
                        last = null; // "... and two of them with pepperoni" is still a part
                    }
                    if (last != null
                            && last.item != null
                            && last.quantityGiven
                            && q.value() < last.quantity
                            && splitsOff(q, mentions, k, last, last.options, index)) {
                        // "two lattes, one with oat milk": part of the line before, with more options
                        Draft part = new Draft(last.item, null, q);
                        part.whole = last;
                        part.options.addAll(last.options);
                        part.named.addAll(last.named);
                        last.quantity -= q.value();
                        drafts.add(part);
                        current = part;
                        continue;
                    }
                    last = current;
                    // "butter chicken x2, naan" counts the line before; "2 naan" the one after
                    if (current != null && !current.quantityGiven && (countsAfter || !countsWhatFollows(mentions, k))) {
                        current.quantity = q.value();
                        current.quantityGiven = true;
                    } else {
                        flush(waiting, quantity, scan, index, drafts);
                        current = null;
                        quantity = q;
                    }
                }
                case Filler f -> {
                    if (refusalEnds.contains(scan.tokens()[f.start()])) {
                        negationCarries = false;
                        lastNegated = null;
                    }
                    if (quantity != null && quantity.spelledOut() && !f.quantityGlue() && waiting.isEmpty()) {
                        quantity = null; // "do you have": a word number only counts what is next to it
                    }
                    if (distributive.contains(scan.tokens()[f.start()])
                            && f.start() > 0
                            && distributiveAfter.contains(scan.tokens()[f.start() - 1])
                            && current != null
                            && current.item != null
                            && !optionFollows(mentions, k)) {
                        // "1 steak taco with red salsa on both": what the last line was just given
                        // goes to every line before too
                        Draft last = current;
                        List<Said> given = last.options.stream()
                                .filter(o -> o.start() >= last.itemEnd())
                                .toList();
                        for (Draft d : drafts) {
                            if (d != last) {
                                given.stream()
                                        .filter(o -> d.offers(o.options()))
                                        .forEach(d.options::add);
                            }
                        }
                    } else if (distributive.contains(scan.tokens()[f.start()])
                            && (!drafts.isEmpty() || !waiting.isEmpty())) {
                        // "both", "all of them", "each": the options after it go to every line before
                        int before = drafts.size();
                        flush(waiting, quantity, scan, index, drafts);
                        quantity = null;
                        if (drafts.size() == before + 1) {
                            current = drafts.getLast(); // "three coffees, all decaf, one with cream"
                        }
                        distributeTo = List.copyOf(drafts);
                    }
                }
                case QualifierWord q -> {
                    if (q.qualifier() == Qualifier.NO && current != null && nothingFollows(mentions, k)) {
                        // "four burgers: two with cheese, two without": what the other part was given
                        refuseWhatOthersGot(current, drafts);
                    }
                    // "no extra cheese" declines the extra: nothing to add
                    declined = qualifier == Qualifier.NO && q.qualifier() != Qualifier.NO;
                    qualifier = q.qualifier();
                }
                case Separator s -> {
                    // a list of options goes on until an item or a count ("a large onion and pepper
                    // pizza"); "or" carries a negation over ("no peppers or onions"), and so does a
                    // list join right before a bare option ("no onions and peppers"): reading the
                    // second as wanted would guess an addition the customer may have refused
                    String word = scan.tokens()[s.start()];
                    // "hold the foam and the whipped cream": a filler before the option is still the list
                    int following = k + 1;
                    while (following < mentions.size()
                            && mentions.get(following) instanceof Filler f
                            && !refusalEnds.contains(scan.tokens()[f.start()])) {
                        following++;
                    }
                    boolean joinsBareOption = listJoins.contains(word)
                            && following < mentions.size()
                            && mentions.get(following) instanceof OptionMention next
                            && lastNegated != null
                            && sameGroup(lastNegated, next.options());
                    if (!alternatives.contains(word) && !joinsBareOption) {
                        negationCarries = false;
                    }
                    if (word.equals(",")) {
                        // "no sugar, splash of cream": a refusal of a word the menu lacks ends at the comma
                        pendingNo = false;
                    }
                }
                case OptionMention o -> {
                    Qualifier over = declined ? qualifier : null;
                    if (declined) {
                        declinedAt.add(o.start());
                        declined = false;
                    }
                    // a one-pick option after the words ("no, make it big") is a correction, not a refusal
                    boolean refusedEarlier = pendingNo && qualifier == null && !takesOneOnly(index, o.options());
                    pendingNo = false;
                    Qualifier q = over != null
                                    || negatedAfter(scan, o)
                                    || refusedEarlier
                                    || qualifier == null && negationCarries
                            ? Qualifier.NO
                            : qualifier == null && pendingMore != null && !takesOneOnly(index, o.options())
                                    ? pendingMore
                                    : qualifier;
                    pendingMore = null;
                    Said said = narrowedToOpenGroup(
                            index,
                            current,
                            waiting,
                            new Said(ofNamedGroup(scan, index, o), q, o.start(), o.end(), over));
                    if (distributeTo != null && distributeTo.stream().anyMatch(d -> d.offers(o.options()))) {
                        distributeTo.stream().filter(d -> d.offers(o.options())).forEach(d -> d.options.add(said));
                        negationCarries = q == Qualifier.NO;
                        lastNegated = q == Qualifier.NO ? o.options() : null;
                        qualifier = null;
                        continue;
                    }
                    // "large fries, large dr pepper": the same one pick said again is another line's
                    boolean again = choosesAgain(index, waiting, said) && !stackedBeforeHead(scan, index, waiting, said)
                            || q == null && !o.fuzzy() && repeatsOnePick(index, waiting, o);
                    if (!waiting.isEmpty() && offeredTogether(waiting, said) && !again) {
                        // "... and chips with salsa": an option run said after the line goes on
                        waiting.add(said);
                    } else if (current != null
                            && current.offers(o.options())
                            && !(choosesAgain(index, current.options, said) && sameItemFollows(mentions, k, current))
                            && !(afterSeparator(mentions, k) && offeringItemFollows(mentions, k, o))) {
                        // ("chicken burrito, steak burrito": options after a separator that an item
                        // after them offers wait for it)
                        // ... but "small pepperoni pizza, medium sausage pizza" is a second pizza
                        if (current.copiedAt >= 0 && q == null) {
                            replaceCopied(index, current, said);
                        }
                        current.options.add(said); // a second size replaces the first: "small, no make it big"
                    } else {
                        // before any item a second size starts another line: "large pepperoni, small cheese"
                        if (again) {
                            flush(waiting, quantity, scan, index, drafts);
                            quantity = null;
                        }
                        waiting.add(said);
                    }
                    negationCarries = q == Qualifier.NO;
                    lastNegated = q == Qualifier.NO ? o.options() : null;
                    qualifier = null;
                }
                case ItemMention item -> {
                    distributeTo = null;
                    pendingNo = false;
                    if (qualifier == Qualifier.NO) {
                        negated.add(item);
                        current = null;
                    } else if (quantity == null
                            && current != null
                            && current.item != null
                            && current.item.itemIds().size() == 1
                            && current.item.itemIds().equals(item.itemIds())
                            && !choosesAgainAny(index, current.options, waiting)
                            && !namesAnotherAfterSeparator(mentions, current, waiting)) {
                        // "a pizza pie", "one pie with ham ... pizza": the same item said again is the same line
                        attachWaiting(current, waiting, scan, index, drafts);
                    } else {
                        Draft draft = new Draft(item, null, quantity);
                        attachWaiting(draft, waiting, scan, index, drafts);
                        current = draft;
                        drafts.add(current);
                    }
                    quantity = null;
                    qualifier = null;
                }
                case Unknown u -> {
                    boolean again = saysSameAgain(scan, u, index);
                    String sameGroup = sameGroupNamed(scan, u);
                    if (sameGroup != null && current != null && current.item != null && drafts.indexOf(current) > 0) {
                        // "a medium pizza with ham and a large pizza with the same toppings"
                        Draft before = drafts.get(drafts.indexOf(current) - 1);
                        for (Said s : before.options) {
                            if (inGroupNamed(index, s, sameGroup)
                                    && current.offers(s.options())
                                    && !current.options.contains(s)) {
                                current.options.add(s);
                            }
                        }
                    }
                    if (again && !waiting.isEmpty()) {
                        // a line named by its options ("a large latte") is made before it is copied
                        int before = drafts.size();
                        flush(waiting, quantity, scan, index, drafts);
                        quantity = null;
                        if (drafts.size() > before) {
                            current = drafts.getLast();
                        }
                    }
                    if (again
                            && quantity == null
                            && waiting.isEmpty()
                            && current != null
                            && current.item != null
                            && current.item.itemIds().size() == 1) {
                        // "..., same thing but steak": another of the line before, changed by what follows
                        Draft copy = new Draft(current.item, null, null);
                        copy.options.addAll(current.options);
                        copy.named.addAll(current.named);
                        copy.copiedAt = u.start();
                        drafts.add(copy);
                        current = copy;
                        qualifier = null;
                        continue;
                    }
                    // only a counted unknown looks like an item ("3 sushi"); other words are chatter,
                    // and so are words after a count and its options ("four turkey subs")
                    if (quantity != null && waiting.isEmpty() && (!quantity.spelledOut() || quantity.value() > 1)) {
                        current = new Draft(null, u, quantity);
                        drafts.add(current);
                        quantity = null;
                    } else {
                        unknownWords += u.end() - u.start();
                    }
                    // "do no add any ham": a refusal a word or two before an option still refuses it
                    pendingNo = qualifier == Qualifier.NO && u.end() - u.start() <= 2;
                    pendingMore = qualifier != null && qualifier != Qualifier.NO && u.end() - u.start() == 1
                            ? qualifier
                            : null;
                    qualifier = null; // "no, make it big": a qualifier only reaches the next word
                }
            }
        }
        flush(waiting, quantity, scan, index, drafts);
        return resolve(scan, index, onePerUnit(scan, drafts), negated, unknownWords, declinedAt);
    }

    /**
     * "three bowls: chicken, steak and carnitas": a count of an item followed at once by a list of as
     * many picks of one of its groups, and nothing else, is one line per pick; what was said before
     * the item ("three large bowls") goes to each. "two pizzas with ham and pineapple" (the list
     * after "with") and "a chicken and steak burrito" (one) stay one line.
     */
    private List<Draft> onePerUnit(MentionScanner.Scan scan, List<Draft> drafts) {
        List<Draft> out = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            List<Said> listed = listedOnePerUnit(scan, d);
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
    private List<Said> listedOnePerUnit(MentionScanner.Scan scan, Draft d) {
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
        String group = null;
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
                    || group != null && !group.equals(ref.get(0).groupId())) {
                break;
            }
            group = ref.get(0).groupId();
            run.add(s);
            after = s.end();
        }
        return run.size() == d.quantity && run.getFirst().start() == d.item.end() ? run : List.of();
    }

    /** The last line that names a menu item, or null. */
    private static Draft lastNamed(List<Draft> drafts) {
        for (int d = drafts.size() - 1; d >= 0; d--) {
            if (drafts.get(d).item != null && drafts.get(d).item.itemIds().size() == 1) {
                return drafts.get(d);
            }
        }
        return null;
    }

    /** Whether an item is named after position {@code k} before the next count. */
    private static boolean itemFollows(List<Mention> mentions, int k) {
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

    private static boolean choosesAgainAny(MenuIndex index, List<Said> picks, List<Said> said) {
        return said.stream().anyMatch(s -> choosesAgain(index, picks, s));
    }

    /** Whether the mention at {@code k} follows a joining word ("and"), not a comma. */
    private static boolean afterJoin(MentionScanner.Scan scan, List<Mention> mentions, int k) {
        return k > 0 && mentions.get(k - 1) instanceof Separator sep && !scan.tokens()[sep.start()].equals(",");
    }

    /** How many options right after {@code k} (before anything else) are picks of one-pick groups only. */
    private static int onePicksFollow(MenuIndex index, List<Mention> mentions, int k) {
        int picks = 0;
        for (int next = k + 1; next < mentions.size(); next++) {
            if (!(mentions.get(next) instanceof OptionMention o) || !takesOneOnly(index, o.options())) {
                break;
            }
            picks++;
        }
        return picks;
    }

    /** "... two without": a bare refusal is all that is said after the count at {@code k}. */
    private static boolean onlyRefusalFollows(List<Mention> mentions, int k) {
        for (int next = k + 1; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof Filler) {
                continue;
            }
            return m instanceof QualifierWord w && w.qualifier() == Qualifier.NO && nothingFollows(mentions, next);
        }
        return false;
    }

    /**
     * Whether an unknown run opens with "same" / "same thing" ({@code same-again.txt}) that is not
     * about one group ("the same size", "same toppings" order nothing more).
     */
    private boolean saysSameAgain(MentionScanner.Scan scan, Unknown u, MenuIndex index) {
        String[] tokens = scan.tokens();
        int said = 0;
        for (int end = u.start() + 1; end <= u.end(); end++) {
            if (sameAgain.contains(span(scan, u.start(), end))) {
                said = end - u.start();
            }
        }
        if (said == 0) {
            return false;
        }
        int next = u.start() + said;
        if (next >= tokens.length) {
            return true;
        }
        String word = TextNormalizer.singular(tokens[next]);
        return index.itemsById.values().stream()
                .flatMap(item -> item.optionGroups().stream())
                .noneMatch(
                        g -> g.name().toLowerCase(Locale.ROOT).split("[ _]+")[0].equals(word));
    }

    /** The word after "same" in an unknown run ("same toppings" → "topping"), or null. */
    private String sameGroupNamed(MentionScanner.Scan scan, Unknown u) {
        String[] tokens = scan.tokens();
        if (!sameAgain.contains(tokens[u.start()]) || u.start() + 1 >= tokens.length) {
            return null;
        }
        return TextNormalizer.singular(tokens[u.start() + 1]);
    }

    /** Whether an option said is a pick of a group whose name starts with {@code word}. */
    private static boolean inGroupNamed(MenuIndex index, Said said, String word) {
        return said.options().stream().anyMatch(r -> {
            Menu.Item item = index.itemsById.get(r.itemId());
            return item != null
                    && item.group(r.groupId())
                            .map(g -> g.name()
                                    .toLowerCase(Locale.ROOT)
                                    .split("[ _]+")[0]
                                    .equals(word))
                            .orElse(false);
        });
    }

    /**
     * "same thing but steak": a bare pick in a copied line replaces the copied picks of its group
     * when the group takes one, is the item's first (what the dish is) or names a kind and no amount
     * ("same but thin crust"), and the same option said
     * again ("same but no beans" is handled as a refusal) replaces its copy.
     */
    private static void replaceCopied(MenuIndex index, Draft line, Said said) {
        Menu.Item item = index.itemsById.get(line.item.itemIds().getFirst());
        for (MenuIndex.OptionRef ref : said.options()) {
            if (!ref.itemId().equals(item.id())) {
                continue;
            }
            boolean first = !item.optionGroups().isEmpty()
                    && item.optionGroups().getFirst().id().equals(ref.groupId());
            // ... or a kind the dish is, not an amount on it: "same but thin crust" after a deep
            // dish (a group that can be refused but never had extra or light)
            boolean kind = item.group(ref.groupId())
                    .map(g -> g.qualifiers().stream().allMatch(q -> q.equalsIgnoreCase(Qualifier.NO.name())))
                    .orElse(false);
            boolean replaces = first || takesOne(index, ref) || kind;
            line.options.removeIf(copied -> copied.start() < line.copiedAt
                    && copied.options().stream()
                            .anyMatch(r -> r.itemId().equals(ref.itemId())
                                    && r.groupId().equals(ref.groupId())
                                    && (replaces || r.optionId().equals(ref.optionId()))));
        }
    }

    /** Whether no option or item is said after {@code k} before the next count or the end. */
    private static boolean nothingFollows(List<Mention> mentions, int k) {
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
    private static boolean optionFollows(List<Mention> mentions, int k) {
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
    private static void refuseWhatOthersGot(Draft line, List<Draft> drafts) {
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

    /** Whether the item of {@code line} is named again after {@code k}, with only options and chatter between. */
    /**
     * "chicken burrito, steak burrito": options after a separator, of a group the line chose from
     * before its item, before the same item said again are another line of it ("a pie with pesto
     * and ham pizza" stays one).
     */
    private static boolean namesAnotherAfterSeparator(List<Mention> mentions, Draft line, List<Said> waiting) {
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
                                && waiting.stream().anyMatch(w -> sameGroup(c.options(), w.options())));
    }

    /** Whether the mention before k, past fillers, is a separator. */
    private static boolean afterSeparator(List<Mention> mentions, int k) {
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
    private static boolean offeringItemFollows(List<Mention> mentions, int k, OptionMention o) {
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

    private static boolean sameItemFollows(List<Mention> mentions, int k, Draft line) {
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
     * An option followed by the name of its group ("medium size", "dark roast" where the word is
     * also another group's pick): only the picks of that group.
     */
    private static List<MenuIndex.OptionRef> ofNamedGroup(MentionScanner.Scan scan, MenuIndex index, OptionMention o) {
        if (o.end() >= scan.tokens().length || o.options().size() < 2) {
            return o.options();
        }
        String next = TextNormalizer.singular(scan.tokens()[o.end()]);
        List<MenuIndex.OptionRef> named = o.options().stream()
                .filter(r -> {
                    Menu.Item item = index.itemsById.get(r.itemId());
                    String group = item == null
                            ? ""
                            : item.group(r.groupId())
                                    .map(Menu.OptionGroup::name)
                                    .orElse("");
                    String[] words = group.toLowerCase(Locale.ROOT).split("[ _]+");
                    return words.length > 0 && words[0].equals(next);
                })
                .toList();
        return named.isEmpty() ? o.options() : named;
    }

    /**
     * Whether the word after an option is a word of its group's name ("brown bread" where the menu has
     * a Bread choice with a Brown option, "medium size"): it names the choice, it is no note.
     */
    private static boolean namesItsGroup(MentionScanner.Scan scan, MenuIndex index, OptionMention o) {
        if (o.end() >= scan.tokens().length) {
            return false;
        }
        String next = TextNormalizer.singular(scan.tokens()[o.end()]);
        return o.options().stream().anyMatch(r -> {
            Menu.Item item = index.itemsById.get(r.itemId());
            String group = item == null
                    ? ""
                    : item.group(r.groupId()).map(Menu.OptionGroup::name).orElse("");
            return java.util.Arrays.stream(group.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .map(TextNormalizer::singular)
                    .anyMatch(w -> w.length() > 2 && w.equals(next));
        });
    }

    /** Whether two option mentions can be picks of one group of one item ("onions", "peppers"). */
    private static boolean sameGroup(List<MenuIndex.OptionRef> a, List<MenuIndex.OptionRef> b) {
        for (MenuIndex.OptionRef x : a) {
            for (MenuIndex.OptionRef y : b) {
                if (x.itemId().equals(y.itemId()) && x.groupId().equals(y.groupId())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "onion free", "pyaaz nahi": the refusal comes after the option. */
    private boolean negatedAfter(MentionScanner.Scan scan, OptionMention o) {
        return o.end() < scan.tokens().length && negatedAfter.contains(scan.tokens()[o.end()]);
    }

    /**
     * Options said before an item go to it when it offers them ("a large pepperoni pizza"); the
     * others were about something else and make their own line ("coke and a burrito").
     */
    private static void attachWaiting(
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
    private static void flush(
            List<Said> waiting, Quantity quantity, MentionScanner.Scan scan, MenuIndex index, List<Draft> drafts) {
        List<Said> said = List.copyOf(waiting);
        List<Draft> made = itemOfOptions(waiting, quantity, scan, index);
        if (quantity != null && made.size() == 1 && !drafts.isEmpty()) {
            made = List.of(anotherOfLineBefore(made.getFirst(), drafts.getLast(), quantity, scan, index));
        }
        if (made.size() == 1 && !drafts.isEmpty()) {
            keepsMainPickOfLineBefore(made.getFirst(), drafts.getLast(), index);
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
     * "2 large hot chocolates & 1 small", "two medium pizzas and a large": a counted line of one
     * one-pick choice only, in place of another choice the line before made in that group, is another
     * of that line's item with its one-pick choices of wider groups (the drink it was, not its can),
     * not a line of any item that offers the choice ("a medium lemonade, a pink lemonade" chooses
     * nothing in place).
     */
    private static Draft anotherOfLineBefore(
            Draft made, Draft before, Quantity quantity, MentionScanner.Scan scan, MenuIndex index) {
        if (before.item == null
                || before.item.itemIds().size() != 1
                || made.item == null
                || !made.named.isEmpty()
                || made.options.size() != 1
                || !made.item.itemIds().contains(before.item.itemIds().getFirst())) {
            return made;
        }
        Said bare = made.options.getFirst();
        var whole = index.options.longest(scan.canonical(), bare.start());
        boolean contrasts = bare.qualifier() == null
                && whole != null
                && whole.length() == bare.end() - bare.start()
                && takesOneOnly(index, bare.options())
                && before.options.stream()
                        .anyMatch(b -> sameGroup(b.options(), bare.options())
                                && b.options().stream().noneMatch(bare.options()::contains));
        if (!contrasts) {
            return made;
        }
        var item = new ItemMention(
                made.item.start(),
                made.item.end(),
                List.of(before.item.itemIds().getFirst()),
                true,
                false);
        Draft another = new Draft(item, null, quantity);
        another.options.addAll(made.options);
        for (Said b : before.options) {
            boolean chosenAgain = made.options.stream().anyMatch(s -> sameGroup(b.options(), s.options()));
            // the main choice is kept (the drink it was), not a small closed set beside it (its can)
            boolean wider = groupSize(index, b.options()) > groupSize(index, bare.options());
            if (!chosenAgain && wider && b.qualifier() == null && takesOneOnly(index, b.options())) {
                another.options.add(b);
            }
        }
        return another;
    }

    /**
     * "a latte with vanilla and one with caramel", "one hamburger with the lot and one for my
     * daughter with ketchup only": a counted line of the same item with only options of several
     * picks, no dish named, is another of the line before: it keeps that line's pick in the item's
     * widest one-pick group (the drink, the burger), never a size or anything qualified.
     */
    private static void keepsMainPickOfLineBefore(Draft made, Draft before, MenuIndex index) {
        if (before.item == null
                || before.item.itemIds().size() != 1
                || made.item == null
                || !made.named.isEmpty()
                || made.options.isEmpty()
                || !made.item.itemIds().equals(before.item.itemIds())
                || made.options.stream().anyMatch(s -> takesOneOnly(index, s.options()))) {
            return;
        }
        before.options.stream()
                .filter(b -> b.qualifier() == null && takesOneOnly(index, b.options()))
                .max(java.util.Comparator.comparingInt(b -> groupSize(index, b.options())))
                .filter(b -> made.options.stream().noneMatch(s -> sameGroup(b.options(), s.options())))
                .ifPresent(made.options::add);
    }

    /**
     * "a dark roast coffee with cinnamon": a word of two groups of the line being said, one of them
     * a single pick the line has made already, is the other group's pick (cinnamon the topping,
     * not a second roast), rather than a second line.
     */
    private static Said narrowedToOpenGroup(MenuIndex index, Draft current, List<Said> waiting, Said said) {
        List<Said> chosen =
                !waiting.isEmpty() ? waiting : current != null && current.item != null ? current.options : List.of();
        if (chosen.isEmpty()) {
            return said;
        }
        List<MenuIndex.OptionRef> open = said.options().stream()
                .filter(r -> !(takesOne(index, r) && chosen.stream().anyMatch(c -> sameGroup(c.options(), List.of(r)))))
                .toList();
        if (open.isEmpty() || open.size() == said.options().size()) {
            return said;
        }
        Said narrowed = new Said(open, said.qualifier(), said.start(), said.end(), said.declined());
        boolean fits = !waiting.isEmpty() ? offeredTogether(waiting, narrowed) : current.offers(open);
        return fits ? narrowed : said;
    }

    /** How many options the group of these picks offers (the largest such group). */
    private static int groupSize(MenuIndex index, List<MenuIndex.OptionRef> refs) {
        int size = 0;
        for (MenuIndex.OptionRef ref : refs) {
            Menu.Item item = index.itemsById.get(ref.itemId());
            if (item != null) {
                for (Menu.OptionGroup group : item.optionGroups()) {
                    if (group.id().equals(ref.groupId())) {
                        size = Math.max(size, group.options().size());
                    }
                }
            }
        }
        return size;
    }

    /** Whether the options waiting for an item and this one are all offered by some item. */
    private static boolean offeredTogether(List<Said> waiting, Said next) {
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
     * "a"/"an" before options the open line offers, with no item after them, is an article:
     * "a pie with mushrooms and a thin crust". Before an item or another item's option it counts.
     */
    private static boolean isArticle(Quantity q, Draft current, List<Mention> mentions, int k) {
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
    private static boolean isArticleOfWaiting(
            Quantity q, List<Said> waiting, List<Mention> mentions, int k, MenuIndex index) {
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
            if (picksAgain(index, waiting, mentions, next)) {
                return false;
            }
            // every option up to the next count or item must fit the same line: "balsamic glaze and
            // also a large sprite" counts a drink
            List<Said> run = new ArrayList<>(waiting);
            for (int after = next; after < mentions.size() && !(mentions.get(after) instanceof Quantity); after++) {
                if (mentions.get(after) instanceof OptionMention later) {
                    Said said = new Said(later.options(), null, later.start(), later.end());
                    if (!offeredTogether(run, said)) {
                        return false;
                    }
                    run.add(said);
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Whether the options from {@code from} up to the next count or item pick again in a group of
     * one pick that {@code picks} already chose ("... a large drip coffee" after "decaf americano"
     * names a second drink), or an item comes first.
     */
    private static boolean picksAgain(MenuIndex index, List<Said> picks, List<Mention> mentions, int from) {
        for (int next = from; next < mentions.size(); next++) {
            Mention m = mentions.get(next);
            if (m instanceof Quantity) {
                return false;
            }
            if (m instanceof ItemMention) {
                return true;
            }
            if (m instanceof OptionMention o
                    && (choosesAgain(index, picks, new Said(o.options(), null, o.start(), o.end()))
                            || repeatsOnePick(index, picks, o))) {
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
    private static boolean splitsOff(
            Quantity q, List<Mention> mentions, int k, Draft line, List<Said> picks, MenuIndex index) {
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

    private static boolean takesOneOnly(MenuIndex index, List<MenuIndex.OptionRef> refs) {
        return refs.stream().allMatch(r -> takesOne(index, r));
    }

    /** "three cans of ice tea and a iced tea": the same single pick said again is another line. */
    private static boolean repeatsOnePick(MenuIndex index, List<Said> picks, OptionMention o) {
        for (Said earlier : picks) {
            for (MenuIndex.OptionRef a : earlier.options()) {
                for (MenuIndex.OptionRef b : o.options()) {
                    if (a.equals(b) && takesOne(index, a)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * "a decaf skinny latte": two picks of one group said together, right before the dish or a pick
     * of another of its groups, are both of that one line ("coke sprite" with nothing after is two).
     */
    private static boolean stackedBeforeHead(MentionScanner.Scan scan, MenuIndex index, List<Said> waiting, Said next) {
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

    /** Whether an option is a second pick in a group that takes one ("large" after "small"). */
    private static boolean choosesAgain(MenuIndex index, List<Said> said, Said next) {
        for (Said earlier : said) {
            for (MenuIndex.OptionRef a : earlier.options()) {
                for (MenuIndex.OptionRef b : next.options()) {
                    if (a.itemId().equals(b.itemId())
                            && a.groupId().equals(b.groupId())
                            && !a.optionId().equals(b.optionId())
                            && takesOne(index, a)
                            && !otherGroupOfItem(earlier.options(), a)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a word could also be a pick of another group of the same item ("medium" is a size or
     * a roast): such a word has not yet chosen in either, so another pick there is no second line.
     */
    private static boolean otherGroupOfItem(List<MenuIndex.OptionRef> refs, MenuIndex.OptionRef ref) {
        return refs.stream()
                .anyMatch(r -> r.itemId().equals(ref.itemId()) && !r.groupId().equals(ref.groupId()));
    }

    private static boolean takesOne(MenuIndex index, MenuIndex.OptionRef ref) {
        Menu.Item item = index.itemsById.get(ref.itemId());
        return item != null
                && item.group(ref.groupId())
                        .map(g -> g.max() != null && g.max() == 1)
                        .orElse(false);
    }

    /**
     * Options said with no item after them ("one large pepperoni"): the item is the one that offers
     * them all, narrowed by option words that also name items ("pepperoni" as in Pepperoni Pizza).
     * A run no single item offers is split where the offer runs out ("a large coke ... chips"). Taken
     * when counted, when an item is named that way, or when only one item offers a plainly said
     * option; otherwise "no onions" or "extra cheese" alone would order something. Empties
     * {@code waiting}.
     */
    private static List<Draft> itemOfOptions(
            List<Said> waiting, Quantity quantity, MentionScanner.Scan scan, MenuIndex index) {
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

    private static java.util.Optional<Draft> draftOf(
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

    private static boolean namesItems(MentionScanner.Scan scan, MenuIndex index, Said said) {
        return !index.itemsNamedBy(scan.canonical(), said.start(), said.end()).isEmpty();
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }

    /** "garlic naan 2, butter naan 3": the message names an item first and counts it after. */
    private static boolean countsAfterItems(List<Mention> mentions) {
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

    private static boolean countsWhatFollows(List<Mention> mentions, int k) {
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

    private Assembly resolve(
            MentionScanner.Scan scan,
            MenuIndex index,
            List<Draft> drafts,
            List<ItemMention> negated,
            int unknownWords,
            Set<Integer> declinedAt) {
        List<Line> lines = new ArrayList<>();
        List<Unresolved> unresolved = new ArrayList<>();
        int guesses = 0;
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
            lines.add(new Line(item.id(), draft.quantity, options, noteOf.get(draft), declined));
            missingChoices(span, item, options, unresolved);
        }
        List<Line> removals = negated.stream()
                .filter(m -> m.itemIds().size() == 1)
                .map(m -> new Line(m.itemIds().getFirst(), 1, List.of(), null))
                .toList();
        boolean counted = drafts.stream().anyMatch(d -> d.quantityGiven);
        return new Assembly(lines, unresolved, removals, guesses, unknownWords, counted);
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
                if (m instanceof OptionMention o && namesItsGroup(scan, index, o)) {
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

    private static List<ChosenOption> options(
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
    private static void missingChoices(
            String span, Menu.Item item, List<ChosenOption> chosen, List<Unresolved> unresolved) {
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

    private static List<String> alternatives(MenuIndex index, Menu.Item item) {
        String category = index.categoryOfItem.get(item.id());
        return index.itemsById.values().stream()
                .filter(other -> other.isAvailable() && category.equals(index.categoryOfItem.get(other.id())))
                .map(Menu.Item::id)
                .limit(ALTERNATIVES)
                .toList();
    }

    private static String span(MentionScanner.Scan scan, int start, int end) {
        return String.join(" ", java.util.Arrays.copyOfRange(scan.tokens(), start, end));
    }
}
