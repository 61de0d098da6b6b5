package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Line;
import io.tiffin.nlu.ParseResult.Qualifier;
import io.tiffin.nlu.ParseResult.Unresolved;
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
 * Groups a message's mentions into order lines. A quantity or an item starts a new line; options
 * said before an item wait for it ("a large pizza"); options after a separator still go to the line
 * before when that item has them ("pizza with extra cheese and no onions"), while another item
 * after a separator starts its own line ("butter chicken with garlic naan"). "no"/"without" before
 * an item (not an option) names something the customer does not want.
 */
final class OrderAssembler {

    /** What a message orders: lines, what could not be resolved, what it asks to leave out. */
    record Assembly(
            List<Line> lines,
            List<Unresolved> unresolved,
            List<Line> removals,
            int guesses,
            int unknownWords,
            boolean counted) {}

    /** Separator words of alternatives ("or"): "no peppers or onions" leaves out both. */
    private final Set<String> alternatives;

    /** Number words that may be only an article ("a"). */
    private final Set<String> articles;

    /** Checks the drafted lines against the menu and reads their kitchen notes. */
    private final LineResolution resolution;

    /** Words that spread what follows over every line before ("both", "each", "all of them"). */
    private final Set<String> distributive;

    /** Separators that join a list ("and", ","): a "no" reaches a bare option right after one. */
    private final Set<String> listJoins;

    /** Words after which a refusal no longer reaches the options that follow ("no beans just lettuce"). */
    private final Set<String> refusalEnds;

    /** Words that order another of the line just said ("same thing but steak"). */
    private final Set<String> sameAgain;

    private final Set<String> perPerson;

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
                Set.of(),
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
            Set<String> quantityGlue,
            Set<String> perPerson) {
        this.partitive = partitive;
        this.perPerson = Set.copyOf(perPerson);
        this.quantityGlue = Set.copyOf(quantityGlue);
        this.distributive = Set.copyOf(distributive);
        this.sameAgain = Set.copyOf(sameAgain);
        this.distributiveAfter = Set.copyOf(distributiveAfter);
        this.refusalEnds = Set.copyOf(refusalEnds);
        this.alternatives = Set.copyOf(alternatives);
        this.articles = Set.copyOf(articles);
        this.resolution = new LineResolution(notes, negatedAfter);
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

        boolean countsAfter = CountedLines.countsAfterItems(mentions);
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
                    if (quantity == null
                            && PlacedOn.countsTheItemPlacedOn(scan.tokens(), mentions, k, !waiting.isEmpty())) {
                        quantity = q; // "pepperoni on a large pizza": the waiting options go on the pizza "a" counts
                        continue;
                    }
                    if (articles.contains(scan.tokens()[q.start()])
                            && !HeadPicks.opensAnother(scan.tokens(), mentions, k, articles, listJoins)
                            && !PeopleApart.opensAnother(scan.tokens(), mentions, k, listJoins)
                            && !(OptionAttachment.afterJoin(scan, mentions, k)
                                    && OptionAttachment.onePicksFollow(index, mentions, k) >= 2)
                            && (CountedLines.isArticle(q, current, mentions, k)
                                            && !OptionAttachment.picksAgain(index, current.options, mentions, k + 1)
                                    || CountedLines.isArticleOfWaiting(q, waiting, mentions, k, index))) {
                        // ... but "... and a small french roast" (two one-pick choices) names another
                        continue; // "with mushrooms and a thin crust", "a latte, make it a large": "a" counts nothing
                    }
                    Draft named = CountedLines.lastNamed(drafts);
                    if (quantity != null
                            && q.spelledOut()
                            && q.value() == 1
                            && !articles.contains(scan.tokens()[q.start()])
                            && !waiting.isEmpty()
                            && mentions.get(k - 1) instanceof OptionMention
                            && named != null
                            && waiting.stream().allMatch(w -> named.offers(w.options()))
                            && !CountedLines.itemFollows(mentions, k)
                            && (k + 1 == mentions.size()
                                    || mentions.get(k + 1) instanceof Separator
                                    || mentions.get(k + 1) instanceof Filler)) {
                        // "a small coffee and a large one with vanilla": "one" is another of the item before
                        Draft another = new Draft(named.item, null, quantity);
                        OptionAttachment.attachWaiting(another, waiting, scan, index, drafts);
                        // ... of the same kind: its single picks ("regular coffee") unless picked anew
                        for (Said kind : named.options) {
                            boolean single = kind.options().stream().allMatch(r -> OptionGroups.takesOne(index, r));
                            if (single
                                    && kind.qualifier() == null
                                    && !OptionGroups.choosesAgain(index, another.options, kind)
                                    && another.options.stream()
                                            .noneMatch(o -> OptionGroups.sameGroup(o.options(), kind.options()))) {
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
                            && OptionAttachment.splitsOff(q, mentions, k, null, waiting, index)) {
                        // "two small coffees, one decaf": the line named by its options is made now
                        int before = drafts.size();
                        OptionAttachment.flush(waiting, quantity, scan, index, drafts);
                        quantity = null;
                        last = drafts.size() > before ? drafts.getLast() : null;
                    }
                    if (last != null
                            && last.whole != null
                            && !last.whole.restNamed
                            && q.value() == last.whole.quantity
                            && (OptionAttachment.splitsOff(q, mentions, k, last.whole, last.whole.options, index)
                                    || CountedLines.onlyRefusalFollows(mentions, k))) {
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
                            && OptionAttachment.splitsOff(q, mentions, k, last.whole, last.whole.options, index)) {
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
                            && OptionAttachment.splitsOff(q, mentions, k, last, last.options, index)) {
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
                    if (current != null
                            && !current.quantityGiven
                            && (countsAfter || !CountedLines.countsWhatFollows(mentions, k))) {
                        current.quantity = q.value();
                        current.quantityGiven = true;
                    } else {
                        OptionAttachment.flush(waiting, quantity, scan, index, drafts);
                        current = null;
                        quantity = q;
                    }
                }
                case Filler f -> {
                    if (PlacedOn.isPlacing(scan.tokens(), f.start())
                            || distributive.contains(scan.tokens()[f.start()])) {
                        // "no onions on my large pie", "... no olives, both large" refuse no size
                        negationCarries = false;
                        lastNegated = null;
                    }
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
                            && !CountedLines.optionFollows(mentions, k)) {
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
                        OptionAttachment.flush(waiting, quantity, scan, index, drafts);
                        quantity = null;
                        if (drafts.size() == before + 1) {
                            current = drafts.getLast(); // "three coffees, all decaf, one with cream"
                        }
                        distributeTo = List.copyOf(drafts);
                    }
                }
                case QualifierWord q -> {
                    if (q.qualifier() == Qualifier.NO && current != null && CountedLines.nothingFollows(mentions, k)) {
                        // "four burgers: two with cheese, two without": what the other part was given
                        CountedLines.refuseWhatOthersGot(current, drafts);
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
                            && OptionGroups.sameGroup(lastNegated, next.options());
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
                    boolean refusedEarlier =
                            pendingNo && qualifier == null && !OptionGroups.takesOneOnly(index, o.options());
                    pendingNo = false;
                    Qualifier q = over != null
                                    || resolution.negatedAfter(scan, o)
                                    || refusedEarlier
                                    || qualifier == null
                                            && negationCarries
                                            && !OptionGroups.takesOneOnly(index, o.options())
                                            && !DegreeNamedOptions.saysOwnDegree(scan.tokens(), o)
                            ? Qualifier.NO
                            : qualifier == null && pendingMore != null && !OptionGroups.takesOneOnly(index, o.options())
                                    ? pendingMore
                                    : qualifier;
                    pendingMore = null;
                    Said said = OptionAttachment.narrowedToOpenGroup(
                            index,
                            current,
                            waiting,
                            new Said(OptionGroups.ofNamedGroup(scan, index, o), q, o.start(), o.end(), over));
                    if (distributeTo != null && distributeTo.stream().anyMatch(d -> d.offers(o.options()))) {
                        distributeTo.stream().filter(d -> d.offers(o.options())).forEach(d -> d.options.add(said));
                        negationCarries = q == Qualifier.NO;
                        lastNegated = q == Qualifier.NO ? o.options() : null;
                        qualifier = null;
                        continue;
                    }
                    // "large fries, large dr pepper": the same one pick said again is another line's
                    boolean again = OptionGroups.choosesAgain(index, waiting, said)
                                    && !OptionAttachment.stackedBeforeHead(scan, index, waiting, said)
                            || q == null && !o.fuzzy() && OptionGroups.repeatsOnePick(index, waiting, o);
                    if (!waiting.isEmpty() && OptionAttachment.offeredTogether(waiting, said) && !again) {
                        // "... and chips with salsa": an option run said after the line goes on
                        waiting.add(said);
                    } else if (current != null
                            && current.offers(o.options())
                            && !(OptionGroups.choosesAgain(index, current.options, said)
                                    && OptionAttachment.sameItemFollows(mentions, k, current))
                            && !(OptionAttachment.afterSeparator(mentions, k)
                                    && OptionAttachment.offeringItemFollows(mentions, k, o))) {
                        // ("chicken burrito, steak burrito": options after a separator that an item
                        // after them offers wait for it)
                        // ... but "small pepperoni pizza, medium sausage pizza" is a second pizza
                        if (current.copiedAt >= 0 && q == null) {
                            RepeatedLines.replaceCopied(
                                    index, current, said, RepeatedLines.saidInstead(scan, said, listJoins));
                        }
                        current.options.add(said); // a second size replaces the first: "small, no make it big"
                    } else {
                        // before any item a second size starts another line: "large pepperoni, small cheese"
                        if (again) {
                            OptionAttachment.flush(waiting, quantity, scan, index, drafts);
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
                            && !OptionGroups.choosesAgainAny(index, current.options, waiting)
                            && !OptionAttachment.namesAnotherAfterSeparator(mentions, current, waiting)) {
                        // "a pizza pie", "one pie with ham ... pizza": the same item said again is the same line
                        OptionAttachment.attachWaiting(current, waiting, scan, index, drafts);
                    } else {
                        Draft draft = new Draft(item, null, quantity);
                        OptionAttachment.attachWaiting(draft, waiting, scan, index, drafts);
                        current = draft;
                        drafts.add(current);
                    }
                    quantity = null;
                    qualifier = null;
                }
                case Unknown u -> {
                    boolean again = RepeatedLines.saysSameAgain(scan, u, index, sameAgain);
                    String sameGroup = RepeatedLines.sameGroupNamed(scan, u, sameAgain);
                    if (sameGroup != null && current != null && current.item != null && drafts.indexOf(current) > 0) {
                        // "a medium pizza with ham and a large pizza with the same toppings"
                        Draft before = drafts.get(drafts.indexOf(current) - 1);
                        for (Said s : before.options) {
                            if (RepeatedLines.inGroupNamed(index, s, sameGroup)
                                    && current.offers(s.options())
                                    && !current.options.contains(s)) {
                                current.options.add(s);
                            }
                        }
                    }
                    if (again && !waiting.isEmpty()) {
                        // a line named by its options ("a large latte") is made before it is copied
                        int before = drafts.size();
                        OptionAttachment.flush(waiting, quantity, scan, index, drafts);
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
        OptionAttachment.flush(waiting, quantity, scan, index, drafts);
        OnePerPerson.apply(scan, drafts, perPerson, listJoins);
        return resolution.resolve(
                scan,
                index,
                CountedLines.onePerUnit(scan, drafts, listJoins, quantityGlue),
                negated,
                unknownWords,
                declinedAt);
    }
}
