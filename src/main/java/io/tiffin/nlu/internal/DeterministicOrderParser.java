package io.tiffin.nlu.internal;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.OrderParser;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reason;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Reads an order against the merchant's own menu with no model: normalize, find quantities, menu
 * phrases, options and qualifiers, group them into lines, then name the intent. Everything it
 * knows about food comes from the menu; everything about language from {@code nlu-models/lexicons}.
 * See docs/order-parser.md for what each kind of result means.
 */
@Component
public class DeterministicOrderParser implements OrderParser {

    /** Longer chatter than this is not read as a bare "yes". */
    private static final int MAX_CONFIRM_TOKENS = 6;

    private static final List<Intent> BY_PRIORITY = List.of(
            Intent.CANCEL, Intent.STATUS, Intent.CART, Intent.CONFIRM, Intent.MENU, Intent.HELP, Intent.GREETING);

    private final Lexicon lexicon;
    private final TurnReader turns;
    private final MenuIndexCache indexes;
    private final MentionScanner scanner;
    private final OrderAssembler assembler;
    private final LineNotes notes;

    // the typo-repair stages of readWords, in the order they run there
    private final Respacing respacing;
    private final TypedRefusals refusals;
    private final ShortWords shortWords;
    private final LexiconSpelling spelling;
    private final JoinSlips joins;
    private final NameHeads nameHeads;
    private final ShortFoodWords shortFoodWords;
    private final PickSlots pickSlots;
    private final ListWordsAsArticles listWords;
    private final TypedCounts counts;
    private final LightVerbs lightVerbs;
    private final PersonNames personNames = new PersonNames();
    private final Sweetness sweetness;

    public DeterministicOrderParser() {
        this.lexicon = Lexicon.fromClasspath();
        TypedWords words = TypedWords.of(lexicon);
        this.respacing = new Respacing(words);
        this.refusals = new TypedRefusals(words);
        this.shortWords = new ShortWords(words);
        this.joins = new JoinSlips(words);
        this.spelling = new LexiconSpelling(words, joins);
        this.nameHeads = new NameHeads(words);
        this.shortFoodWords = new ShortFoodWords(words);
        this.pickSlots = new PickSlots(words);
        this.listWords = new ListWordsAsArticles(words);
        this.counts = new TypedCounts(words);
        this.lightVerbs = new LightVerbs(lexicon);
        this.sweetness = new Sweetness(lexicon);
        this.indexes = new MenuIndexCache(lexicon);
        this.turns = new TurnReader(lexicon);
        this.scanner = new MentionScanner(lexicon);
        this.notes = new LineNotes(lexicon);
        this.assembler = new OrderAssembler(
                lexicon.alternatives,
                lexicon.articles,
                notes,
                lexicon.negatedAfter,
                lexicon.listJoins,
                lexicon.distributive,
                lexicon.refusalEnds,
                lexicon.distributiveAfter,
                lexicon.sameAgain,
                lexicon.partitive,
                lexicon.quantityGlue,
                lexicon.perPerson);
    }

    /** The order the message names, then what else it does (an edit, a question) and its language. */
    @Override
    public ParseResult parse(String said, MenuSnapshot menu) {
        // "do you have oat milk? if so a latte with it": the order after the question is what is read
        // "1) a latte 2) a mocha", "fries - 2": the marks of a list typed as one
        // "tacos: 2 steak, 1 chicken": only a word of the menu before the colon (not "hi:") is spread
        String listed = CountedParts.spread(ListedOrders.plain(said), indexes.indexOf(menu)::isMenuWord);
        String asked = AskedThenOrdered.order(listed, lexicon, indexes.indexOf(menu));
        String utterance = asked == null ? listed : asked;
        return turns.read(
                utterance,
                lexicon.normalizer.tokens(utterance),
                correctedTokens(utterance, menu),
                indexes.indexOf(menu),
                asked == null
                        ? ListedOrders.read(said, utterance, u -> readOrder(u, menu))
                        : readOrder(utterance, menu),
                words -> readOrder(String.join(" ", words), menu));
    }

    @Override
    public io.tiffin.nlu.LineChoice whichOf(String utterance, List<ParseResult.Line> offered, MenuSnapshot menu) {
        return turns.whichOf(utterance, lexicon.normalizer.tokens(utterance), offered, indexes.indexOf(menu));
    }

    /** The words as the order reading sees them: lexicon words of other scripts romanised, misspelt ones corrected. */
    private String[] correctedTokens(String utterance, MenuSnapshot menu) {
        // word for word with the message (nothing split or joined), so the edit reader can line them up
        String[] tokens = lexicon.normalizer.tokens(utterance);
        respacing.romaniseLexiconWords(tokens);
        spelling.correctLexiconWords(tokens, indexes.indexOf(menu));
        return tokens;
    }

    private ParseResult readOrder(String utterance, MenuSnapshot menu) {
        String[] tokens = readWords(utterance, menu);
        if (tokens.length == 0) {
            return new ParseResult(Intent.OTHER, List.of(), List.of(), 0.0);
        }
        var scan = scanner.scan(tokens, indexes.indexOf(menu));
        var order = assembler.assemble(scan, indexes.indexOf(menu));
        // "a pizza but i don't want onions": the removal words left out an option of a line, the
        // message still orders
        boolean leavesOutAnOption = order.lines().stream()
                .anyMatch(l -> l.options().stream().anyMatch(o -> o.qualifier() == ParseResult.Qualifier.NO));
        boolean removing = !leavesOutAnOption && (said(Intent.REMOVE, tokens) || said(Intent.CANCEL, tokens));

        boolean namesSomething = !order.lines().isEmpty() || !order.unresolved().isEmpty();
        if (namesSomething && !order.counted() && said(Intent.STATUS, tokens)) {
            // "where is my butter chicken" names a dish of the placed order, it orders nothing
            return new ParseResult(Intent.STATUS, List.of(), List.of(), 0.8);
        }
        if (namesSomething) {
            if (removing) {
                // "remove the coke": name what goes; which choice it had does not matter
                var unresolved = order.unresolved().stream()
                        .filter(u -> u.reason() != Reason.MISSING_CHOICE)
                        .toList();
                return new ParseResult(Intent.REMOVE, order.lines(), unresolved, confidence(order, 0.9));
            }
            return new ParseResult(Intent.ORDER, order.lines(), order.unresolved(), confidence(order, 1.0));
        }
        if (!order.removals().isEmpty()) {
            return new ParseResult(Intent.REMOVE, order.removals(), List.of(), 0.8);
        }
        if (!said(Intent.CANCEL, tokens) && !said(Intent.STATUS, tokens)) {
            String note = standaloneNote(tokens);
            if (note != null) {
                return new ParseResult(Intent.OTHER, List.of(), List.of(), 0.8, note);
            }
        }
        if (lexicon.orderedUnnamed.occursIn(tokens)
                && Stream.of(Intent.CANCEL, Intent.REMOVE, Intent.STATUS, Intent.CART)
                        .noneMatch(i -> said(i, tokens))) {
            // "ok add one", "yes please add it": an order of what the conversation last spoke of, no "ok"
            return new ParseResult(Intent.ORDER, List.of(), List.of(), 0.5);
        }
        for (Intent intent : BY_PRIORITY) {
            if (said(intent, tokens) && (intent != Intent.CONFIRM || tokens.length <= MAX_CONFIRM_TOKENS)) {
                // "that's it, checkout": nothing more to add, then the checkout asked for
                int all =
                        intent == Intent.CART ? lexicon.intents.get(Intent.CART).endOfFirst(tokens) : -1;
                boolean checkout = all > 0
                        && tokens.length - all <= MAX_CONFIRM_TOKENS
                        && lexicon.intents.get(Intent.CONFIRM).occursIn(tokens, all);
                return new ParseResult(checkout ? Intent.CONFIRM : intent, List.of(), List.of(), 0.9);
            }
        }
        return new ParseResult(Intent.OTHER, List.of(), List.of(), 0.3);
    }

    /** The words of a message as the order reading takes them: respaced, misspellings and mangled words read. */
    String[] readWords(String utterance, MenuSnapshot menu) {
        String[] tokens = lexicon.normalizer.tokens(utterance);
        if (tokens.length == 0) {
            return tokens;
        }
        respacing.romaniseLexiconWords(tokens);
        // "a latte for mark", "jen a small latte, sam an espresso": the people it is for, no menu words
        tokens = personNames.dropped(lexicon, tokens, indexes.indexOf(menu));
        // "ek aur naan daal do": the Hindi verb after the dish is no dish ("daal") and no count ("do")
        tokens = lightVerbs.without(tokens, indexes.indexOf(menu));
        tokens = Doneness.joined(lexicon, tokens, indexes.indexOf(menu));
        // "medium spicy": the level, the scale it is on said after it
        tokens = LevelThenScale.read(tokens, indexes.indexOf(menu));
        tokens = ShortForms.expanded(lexicon, tokens, indexes.indexOf(menu));
        tokens = ShortForms.inNames(lexicon, tokens, indexes.indexOf(menu));
        // "make it a double, two shots": the shots said once
        tokens = MultipliersRestated.read(lexicon, tokens, indexes.indexOf(menu));
        // "2 small ones with mushrooms": another of the dish just named, as "a small one" is
        tokens = PluralOnes.read(lexicon, tokens, indexes.indexOf(menu));
        // "a decaf latte and another one of those": the same again
        tokens = OneOfThose.read(lexicon, tokens, indexes.indexOf(menu));
        // "and one more for my son but without the cinnamon": the same again, changed
        tokens = OneMoreBut.read(lexicon, tokens, indexes.indexOf(menu));
        // "all three with an extra shot", "every one with swiss": the distributive word alone
        tokens = EveryOne.read(lexicon, tokens, indexes.indexOf(menu));
        // "a cheeseburger and a hamburger, bacon on both": the options go to every dish
        tokens = OnBoth.read(lexicon, tokens, indexes.indexOf(menu));
        // "a large latte and one more": one more of the line before
        tokens = MoreOfIt.read(lexicon, tokens, indexes.indexOf(menu));
        // "a small latte with foam ... and one more small latte with foam": one line of two
        tokens = MoreOfTheSame.read(lexicon, tokens, indexes.indexOf(menu));
        // "two drip coffees, dark roast and light roast": one dish of each kind
        tokens = CountOverKinds.read(lexicon, tokens, indexes.indexOf(menu));
        tokens = TrailingCounts.moved(lexicon, tokens, indexes.indexOf(menu));
        tokens = CountedOrdinals.read(lexicon, tokens);
        // "two extra shots, actually just one extra shot": the correction's words without "just"
        tokens = CorrectedJust.read(lexicon, tokens, indexes.indexOf(menu));
        tokens = TakenBack.applied(lexicon, tokens, indexes.indexOf(menu));
        // "no onions, actually no pickles, onions are fine": the refusal of onions is taken back
        tokens = RefusalsUndone.applied(lexicon, tokens, indexes.indexOf(menu));
        // "white rice, no wait, no rice at all": the pick goes with the wider word refused
        tokens = RefusedWider.applied(lexicon, tokens, indexes.indexOf(menu));
        // "no jalapenos, banana peppers instead": the peppers are wanted
        tokens = RefusedThenInstead.applied(lexicon, tokens, indexes.indexOf(menu));
        tokens = Swaps.applied(lexicon, tokens, indexes.indexOf(menu));
        tokens = OptionMeasures.dropped(lexicon, tokens, indexes.indexOf(menu));
        // "half sweet", "less sugar": a degree of the menu's sweetener, or the customer's note
        tokens = sweetness.read(lexicon, tokens, indexes.indexOf(menu));
        tokens = ServedAside.applied(lexicon, tokens, indexes.indexOf(menu));
        // "two lattes, one hot one iced": the part left hot is the line as said, not hot chocolate
        tokens = PlainTemperatures.dropped(lexicon, tokens, indexes.indexOf(menu));
        tokens = EverythingWords.read(lexicon, tokens, indexes.indexOf(menu));
        SpeltNumbers.read(lexicon, tokens, indexes.indexOf(menu));
        // "two twenty ounce cokes" is "two 20 oz cokes" when the menu has a 20 oz size: the measure, not a count
        tokens = Measure.spelt(lexicon, tokens, indexes.indexOf(menu)::hasMeasure);
        // "a 12 inch pizza" where nothing on the menu is sold by the inch: a size the menu does not sell
        tokens = Measure.unsold(lexicon, tokens, indexes.indexOf(menu)::sellsBy);
        tokens = respacing.respaced(tokens, indexes.indexOf(menu));
        // the words as typed, for the passes that read a typo again by its place (verb, topping, name)
        String[] asTyped = tokens.clone();
        // before spelling correction bends a mangled refusal into another word ("nii", "od"), and
        // after it, once a mangled option after it reads ("bt lhd olievss")
        refusals.restoreRefusals(tokens, indexes.indexOf(menu));
        String[] typed = tokens.clone();
        shortWords.correctShortWords(tokens, indexes.indexOf(menu));
        spelling.correctLexiconWords(tokens, indexes.indexOf(menu));
        // "2 chiken tikka": a word known only from an alias yields to a name the sentence says
        AliasWords.yielded(lexicon, tokens, indexes.indexOf(menu));
        joins.uncountBeforeToppings(typed, tokens, indexes.indexOf(menu));
        refusals.restoreRefusals(tokens, indexes.indexOf(menu));
        nameHeads.readNameHeads(tokens, indexes.indexOf(menu));
        shortFoodWords.readShortFoodWords(tokens, indexes.indexOf(menu));
        pickSlots.readPickSlots(tokens, indexes.indexOf(menu));
        listWords.readListWordsTypedAsArticles(tokens, indexes.indexOf(menu));
        counts.restoreCounts(asTyped, tokens, indexes.indexOf(menu));
        counts.restoreOnes(tokens, indexes.indexOf(menu));
        NameTails.read(lexicon, asTyped, tokens, indexes.indexOf(menu));
        ToppingSlots.read(lexicon, asTyped, tokens, indexes.indexOf(menu));
        VerbSlots.unbend(lexicon, asTyped, tokens, indexes.indexOf(menu));
        // "two shake vanilla", "fries curly": the kind said after the word it qualifies
        tokens = KindsAfterHeads.moved(lexicon, tokens, indexes.indexOf(menu));
        // "chips doritos", "a bag of chips, doritos": the kind's word before a brand of it
        tokens = BrandsAfterHeads.moved(lexicon, tokens, indexes.indexOf(menu));
        // "pizza large one with ham", "hawaiian medium": the size said after its dish or kind
        tokens = SizesAfterDishes.moved(lexicon, tokens, indexes.indexOf(menu));
        // "a large hawaiian, could you do it on thin crust": "it" is the only dish said
        tokens = ItStandsFor.read(lexicon, tokens, indexes.indexOf(menu));
        // "three pizzas, ham on one and olives on another": options put on parts of the count
        tokens = PartsPlacedOn.read(lexicon, tokens, indexes.indexOf(menu));
        // "two pizzas, the chicken one on thin crust and the beef one thick crust": parts named by an option
        tokens = PartsByOption.read(lexicon, tokens, indexes.indexOf(menu));
        // "one burrito with steak and one with chicken": the second "one" is another burrito
        tokens = OneWithAnother.read(lexicon, tokens, indexes.indexOf(menu));
        // "2 lassi, one sweet and one mango": the count shared out over kinds of the dish word
        tokens = KindsOfACount.spread(lexicon, tokens, indexes.indexOf(menu));
        tokens = SharedHeads.spread(lexicon, tokens, indexes.indexOf(menu));
        tokens = SharedDishes.spread(lexicon, tokens, indexes.indexOf(menu));
        tokens = GroupChanges.applied(lexicon, tokens, indexes.indexOf(menu));
        tokens = MadeOver.applied(lexicon, tokens, indexes.indexOf(menu));
        // "2 lattes and 2 americanos, lattes skinny, americanos iced": picks for dishes said before
        tokens = PicksSaidAfter.applied(lexicon, tokens, indexes.indexOf(menu));
        tokens = SizedParts.spread(lexicon, tokens, indexes.indexOf(menu));
        tokens = CountedPhrasings.read(lexicon, tokens, indexes.indexOf(menu));
        tokens = SelfCorrections.applied(lexicon, tokens, indexes.indexOf(menu));
        return TrailingDegrees.moved(lexicon, tokens, indexes.indexOf(menu));
    }

    /**
     * The part of the menu an utterance is about, for a model's prompt: the items of the parse and
     * its open questions, then items whose words occur in the message, at most {@code limit}.
     */
    List<io.tiffin.catalog.Menu.Item> sliceFor(String utterance, MenuSnapshot menu, ParseResult parsed, int limit) {
        MenuIndex index = indexes.indexOf(menu);
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        parsed.lines().forEach(l -> ids.add(l.itemId()));
        parsed.unresolved().forEach(u -> ids.addAll(u.candidates()));
        for (String token : lexicon.normalizer.tokens(utterance)) {
            String word = index.canonical(token);
            if (word != null && !lexicon.knownWords.contains(token)) {
                ids.addAll(index.itemsByWord.getOrDefault(word, java.util.Set.of()));
            }
        }
        return ids.stream()
                .map(index.itemsById::get)
                .filter(java.util.Objects::nonNull)
                .limit(limit)
                .toList();
    }

    /**
     * A message that is only a note ("less sugar", "no ice", "well done", "make it spicy"): it opens
     * with a qualifier or a note word and says at least two words that are not chatter.
     */
    private String standaloneNote(String[] tokens) {
        // Hindi puts the degree after the word: "cheeni kam", "mirchi zyada", "pyaaz nahi"
        boolean after = tokens.length > 1
                && !lexicon.meaningful.contains(tokens[0])
                && !tokens[0].matches("\\d+")
                && (lexicon.qualifiers.longest(tokens, 1) != null || lexicon.negatedAfter.contains(tokens[1]));
        boolean opens =
                after || lexicon.qualifiers.longest(tokens, 0) != null || lexicon.noteStarts.contains(tokens[0]);
        if (!opens) {
            return null;
        }
        String note = notes.read(tokens);
        return note != null && note.indexOf(' ') > 0 ? note : null;
    }

    /** The words of a message as the parser reads them, to key a cache of readings. */
    String normalized(String utterance) {
        return String.join(" ", lexicon.normalizer.tokens(utterance));
    }

    private boolean said(Intent intent, String[] tokens) {
        return lexicon.intents.get(intent).occursIn(tokens);
    }

    /** Lower for each guess (a misspelling, part of a name), each open question and each unread word. */
    private static double confidence(OrderAssembler.Assembly order, double base) {
        double confidence = base
                * Math.pow(0.85, order.guesses())
                * Math.pow(0.7, order.unresolved().size())
                * Math.pow(0.95, Math.min(order.unknownWords(), 6));
        return Math.round(confidence * 100) / 100.0;
    }
}
