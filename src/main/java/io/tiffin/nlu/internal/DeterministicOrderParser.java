package io.tiffin.nlu.internal;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.OrderParser;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reason;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Typing cost beyond a word's budget allowed when only one menu word is that near. */
    private static final double SECOND_SLIP = 0.6;

    private static final List<Intent> BY_PRIORITY = List.of(
            Intent.CANCEL, Intent.STATUS, Intent.CART, Intent.CONFIRM, Intent.MENU, Intent.HELP, Intent.GREETING);

    private final Lexicon lexicon;
    private final TurnReader turns;
    private final MenuIndexCache indexes;
    private final MentionScanner scanner;
    private final OrderAssembler assembler;
    private final LineNotes notes;
    private final SpellIndex lexiconSpelling;
    /** Words of more than one letter that shape an order: list words, separators, counts, refusals. */
    private final Set<String> functionWords;
    /** Single words that join what stands either side of them ("with", "and", "plus"). */
    private final Set<String> joinWords;

    private final SentenceReadings sentence;
    /** Everyday words, what a typo may also be read as when it stands where chatter does ("ile": like). */
    private final SpellIndex everydaySpelling;

    public DeterministicOrderParser() {
        this.lexicon = Lexicon.fromClasspath();
        Set<String> function = new java.util.HashSet<>(lexicon.refusalRivals);
        function.addAll(lexicon.listJoins);
        function.addAll(lexicon.shortRefusals);
        lexicon.refusalPhrases.stream().filter(p -> p.length == 1).forEach(p -> function.add(p[0]));
        function.removeIf(w -> w.length() < 2 || lexicon.articles.contains(w));
        this.functionWords = Set.copyOf(function);
        this.joinWords = lexicon.refusalRivals.stream()
                .filter(w -> w.length() > 2
                        && isWord(w)
                        && !lexicon.alternatives.contains(w)
                        && lexicon.separators.longest(new String[] {w}, 0) != null)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.lexiconSpelling = new SpellIndex(lexicon.meaningful);
        this.sentence = new SentenceReadings(lexicon);
        this.everydaySpelling = new SpellIndex(lexicon.everyday.stream()
                .filter(w -> !lexicon.meaningful.contains(w))
                .toList());
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
                lexicon.quantityGlue);
    }

    /** The order the message names, then what else it does (an edit, a question) and its language. */
    @Override
    public ParseResult parse(String said, MenuSnapshot menu) {
        // "do you have oat milk? if so a latte with it": the order after the question is what is read
        // "1) a latte 2) a mocha", "fries - 2": the marks of a list typed as one
        String listed = ListedOrders.plain(said);
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
        romaniseLexiconWords(tokens);
        correctLexiconWords(tokens, indexes.indexOf(menu));
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
        for (Intent intent : BY_PRIORITY) {
            if (said(intent, tokens) && (intent != Intent.CONFIRM || tokens.length <= MAX_CONFIRM_TOKENS)) {
                return new ParseResult(intent, List.of(), List.of(), 0.9);
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
        romaniseLexiconWords(tokens);
        tokens = ShortForms.expanded(lexicon, tokens, indexes.indexOf(menu));
        tokens = ShortForms.inNames(lexicon, tokens, indexes.indexOf(menu));
        tokens = TrailingCounts.moved(lexicon, tokens, indexes.indexOf(menu));
        tokens = TakenBack.applied(lexicon, tokens, indexes.indexOf(menu));
        tokens = EverythingWords.read(lexicon, tokens, indexes.indexOf(menu));
        SpeltNumbers.read(lexicon, tokens, indexes.indexOf(menu));
        // "two twenty ounce cokes" is "two 20 oz cokes" when the menu has a 20 oz size: the measure, not a count
        tokens = Measure.spelt(lexicon, tokens, indexes.indexOf(menu)::hasMeasure);
        // "a 12 inch pizza" where nothing on the menu is sold by the inch: a size the menu does not sell
        tokens = Measure.unsold(lexicon, tokens, indexes.indexOf(menu)::sellsBy);
        tokens = respaced(tokens, indexes.indexOf(menu));
        // the words as typed, for the passes that read a typo again by its place (verb, topping, name)
        String[] asTyped = tokens.clone();
        // before spelling correction bends a mangled refusal into another word ("nii", "od"), and
        // after it, once a mangled option after it reads ("bt lhd olievss")
        restoreRefusals(tokens, indexes.indexOf(menu));
        String[] typed = tokens.clone();
        correctShortWords(tokens, indexes.indexOf(menu));
        correctLexiconWords(tokens, indexes.indexOf(menu));
        uncountBeforeToppings(typed, tokens, indexes.indexOf(menu));
        restoreRefusals(tokens, indexes.indexOf(menu));
        readNameHeads(tokens, indexes.indexOf(menu));
        readShortFoodWords(tokens, indexes.indexOf(menu));
        readPickSlots(tokens, indexes.indexOf(menu));
        readListWordsTypedAsArticles(tokens, indexes.indexOf(menu));
        restoreCounts(tokens, indexes.indexOf(menu));
        NameTails.read(lexicon, asTyped, tokens, indexes.indexOf(menu));
        ToppingSlots.read(lexicon, asTyped, tokens, indexes.indexOf(menu));
        VerbSlots.unbend(lexicon, asTyped, tokens, indexes.indexOf(menu));
        tokens = SharedHeads.spread(lexicon, tokens, indexes.indexOf(menu));
        tokens = CountedPhrasings.read(lexicon, tokens, indexes.indexOf(menu));
        return SelfCorrections.applied(lexicon, tokens, indexes.indexOf(menu));
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
        boolean opens = lexicon.qualifiers.longest(tokens, 0) != null || lexicon.noteStarts.contains(tokens[0]);
        if (!opens) {
            return null;
        }
        String note = notes.read(tokens);
        return note != null && note.indexOf(' ') > 0 ? note : null;
    }

    /**
     * Words split or run together against the menu's spelling: "pepper jack" is pepperjack when the
     * menu writes it as one word and has no "pepper jack" (never words of the lexicons: "and a" is
     * not the anda of an egg curry); "pepperonipizza" and "extracheese" are
     * two words when both halves are the menu's (or a count, qualifier or separator on the left).
     */
    private String[] respaced(String[] tokens, MenuIndex index) {
        List<String> out = new java.util.ArrayList<>(tokens.length + 2);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (i + 1 < tokens.length
                    && isWord(token)
                    && isWord(tokens[i + 1])
                    && index.isMenuWord(token + tokens[i + 1])
                    && !lexicon.knows(token + tokens[i + 1])
                    && !lexicon.knows(token)
                    && !lexicon.knows(tokens[i + 1])
                    && !isMenuPhrase(index, index.canonical(token), index.canonical(tokens[i + 1]))) {
                out.add(token + tokens[i + 1]);
                i++;
                continue;
            }
            String[] halves = token.length() >= MIN_RUN_TOGETHER
                            && isWord(token)
                            && !lexicon.knows(token)
                            && !index.isMenuWord(token)
                    ? halves(token, index)
                    : null;
            if (halves != null) {
                out.add(halves[0]);
                out.add(halves[1]);
            } else {
                out.add(token);
            }
        }
        return out.size() == tokens.length ? tokens : out.toArray(String[]::new);
    }

    /** Whether two words are a menu phrase of two words as they stand ("ice tea"). */
    private static boolean isMenuPhrase(MenuIndex index, String first, String second) {
        String[] pair = {first, second};
        var item = index.items.longest(pair, 0);
        var option = index.options.longest(pair, 0);
        return item != null && item.length() == 2 || option != null && option.length() == 2;
    }

    /** Shortest word looked at as two run together. */
    private static final int MIN_RUN_TOGETHER = 7;

    private String[] halves(String token, MenuIndex index) {
        for (int at = 2; at <= token.length() - 3; at++) {
            String left = token.substring(0, at);
            String right = token.substring(at);
            boolean leftReads = left.length() >= 3 && index.isMenuWord(left) || lexicon.meansSomething(left);
            if (leftReads && right.length() >= 3 && index.isMenuWord(right)) {
                return new String[] {left, right};
            }
        }
        return null;
    }

    private static boolean isWord(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isLetter) && !ScriptKeys.isOtherScript(token);
    }

    /**
     * A word of another script the lexicons do not know, whose romanisation they do ("ਦੋ" is "do",
     * 2), is read as that word: the lexicons then serve every Indic script their Hinglish serves.
     */
    private void romaniseLexiconWords(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (ScriptKeys.isOtherScript(tokens[i]) && !lexicon.knownWords.contains(tokens[i])) {
                String latin = ScriptKeys.latin(tokens[i]);
                if (lexicon.knownWords.contains(latin)) {
                    tokens[i] = latin;
                }
            }
        }
    }

    /**
     * A misspelt word of the lexicons ("witout", "tow", "hokdd") is read as that word, so refusals,
     * counts and qualifiers survive typing. A word is read as the lexicon's or the menu's, whichever
     * it is closer to by typing cost; a menu reading that is also a lexicon word ("exxtra": extra)
     * is written as that word so the lexicons see it too. Words the lexicons know stay as they are.
     */
    private void correctLexiconWords(String[] tokens, MenuIndex index) {
        List<Integer> unread = new java.util.ArrayList<>();
        List<List<SentenceReadings.Reading>> readings = new java.util.ArrayList<>(tokens.length);
        boolean guessing = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() == 2
                    && token.charAt(0) == token.charAt(1)
                    && Character.isLetter(token.charAt(0))
                    && lexicon.knownWords.contains(token.substring(1))
                    && !index.isMenuWord(token)) {
                tokens[i] = token.substring(1); // "aa", "ii": a key held down
            } else if (token.length() >= SpellIndex.MIN_LENGTH
                    && !lexicon.knows(token)
                    && !index.isMenuWord(token)
                    && !ScriptKeys.isOtherScript(token)) {
                List<SentenceReadings.Reading> guesses = guesses(token, tokens, i, index);
                if (guesses.isEmpty()) {
                    unread.add(i);
                } else {
                    readings.add(guesses);
                    guessing = true;
                    continue;
                }
            } else if (articleSlip(token, tokens, i, index) != null) {
                // "get me s large pizza": a one-letter article one key off, before what it counts
                tokens[i] = articleSlip(token, tokens, i, index);
            } else if (inListSlot(token, tokens, i, index)) {
                // "with am thin crust", "a large jam pizza": an everyday word where a list of the
                // menu's words goes on may be the short menu word it is a slip from
                List<SentenceReadings.Reading> near = new java.util.ArrayList<>();
                near.add(new SentenceReadings.Reading(token, 0, SentenceReadings.Source.KEPT));
                for (SpellIndex.Match m : index.shortMenuWordsNear(token, SpellIndex.MISSING_LETTER)) {
                    near.add(SentenceReadings.Reading.guess(m.word(), m, SentenceReadings.Source.MENU));
                }
                if (near.size() > 1) {
                    readings.add(near);
                    guessing = true;
                    continue;
                }
            } else if (isShortAmbiguous(token, tokens, i, index)) {
                // "and n peppers": a letter that would be a second list word may be the refusal it is a slip from
                readings.add(List.of(
                        SentenceReadings.Reading.asTyped(token),
                        new SentenceReadings.Reading(
                                SHORT_REFUSAL, SpellIndex.MISSING_LETTER, SentenceReadings.Source.LEXICON)));
                guessing = true;
                continue;
            }
            readings.add(List.of(SentenceReadings.Reading.asTyped(tokens[i])));
        }
        if (guessing) {
            List<SentenceReadings.Reading> chosen = sentence.choose(readings, index);
            for (int i = 0; i < tokens.length; i++) {
                if (readings.get(i).size() > 1 || readings.get(i).getFirst().guessed()) {
                    tokens[i] = written(tokens[i], chosen.get(i), index);
                }
            }
        }
        // a word still unread in a message that orders from the menu: a second slip is allowed when
        // exactly one menu word is that near ("tmua" tuna, "sml" small)
        if (!unread.isEmpty() && java.util.Arrays.stream(tokens).anyMatch(index::isMenuWord)) {
            for (int i : unread) {
                String join = joinBetweenMenuWords(tokens, i, index);
                if (join != null) {
                    tokens[i] = join; // "pie twh bacon", "pizza eih sausage": with, not two or eight
                    continue;
                }
                SpellIndex.Match near = index.onlyMenuWordNear(tokens[i], SECOND_SLIP);
                if (near != null
                        && namesNothingAlone(near.word(), index)
                        && !nameGoesOn(near.word(), tokens, i, index)) {
                    near = null; // "a sprite sdn a coke": not the "san" of a name whose other words are not there
                }
                String whole = near != null ? near.word() : index.onlyWordStartingWith(tokens[i]);
                if (whole != null) {
                    tokens[i] = whole; // ... or a clipped word: "mayo" for the one menu word that starts so
                }
            }
        }
    }

    private static final String SHORT_REFUSAL = "no";

    /**
     * A count read from a typo right after a dish's own name and before a topping ("pie eih
     * peppers", "pie twi bacon") would open a line of its own with no dish named: the word is the
     * joining word it is within two slips of, or else it is left unread, never a new line.
     */
    private void uncountBeforeToppings(String[] typed, String[] tokens, MenuIndex index) {
        for (int i = 1; i + 1 < tokens.length; i++) {
            if (typed[i].equals(tokens[i]) && !isMenuReading(typed[i], index)
                    || lexicon.knows(typed[i])
                    || index.isMenuWord(typed[i])
                    || lexicon.numbers.longest(new String[] {readAs(tokens[i], index)}, 0) == null
                    || !namesOnlyItem(tokens, i - 1, index)
                    || !addOnFollows(tokens, i + 1, index)) {
                continue;
            }
            String[] asTyped = tokens.clone();
            asTyped[i] = typed[i];
            String join = joinBetweenMenuWords(asTyped, i, index);
            tokens[i] = join != null ? join : typed[i];
        }
    }

    /** A token as the order reading takes it: its menu word when it has one, else itself. */
    private static String readAs(String token, MenuIndex index) {
        String canonical = index.canonical(token);
        return canonical != null ? canonical : token;
    }

    /** Reach of a joining word typed between two menu words: two slips, a dropped letter among them. */
    private static final double JOIN_REACH = SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER;
    /** How much nearer the joining word must be than any other. */
    private static final double JOIN_MARGIN = 0.3;

    /**
     * The joining word ("with", "and") a word that reads as nothing stands for between a menu word
     * and an option ("pie twh bacon", "pizza eih sausage"), where neither a count nor another menu
     * word can stand; null when none is within two slips or two are as near.
     */
    private String joinBetweenMenuWords(String[] tokens, int i, MenuIndex index) {
        if (i == 0
                || i + 1 >= tokens.length
                || !namesFood(tokens[i - 1], index)
                || !addOnFollows(tokens, i + 1, index)) {
            return null;
        }
        String best = null;
        double bestCost = Double.MAX_VALUE;
        double second = Double.MAX_VALUE;
        for (String join : joinWords) {
            double cost = cost(tokens[i], join, JOIN_REACH + JOIN_MARGIN);
            if (cost < bestCost) {
                second = bestCost;
                bestCost = cost;
                best = join;
            } else if (cost < second) {
                second = cost;
            }
        }
        return best != null && bestCost <= JOIN_REACH + 1e-9 && second > bestCost + JOIN_MARGIN ? best : null;
    }

    /**
     * Typing reach of a short word in the place of food: two slips, which is what a word of three
     * letters has left of itself when a hurried thumb passes over it ("ma", "hs", "hhan": ham).
     */
    private static final double FOOD_SLOT_REACH = 2 * SpellIndex.MISSING_LETTER;
    /** Longest word read by its place alone. */
    private static final int FOOD_SLOT_LONGEST = 4;
    /** Reach for a word of three or four letters there: one key beside and one doubled ("haan", "jamm"). */
    private static final double FOOD_SLOT_LONG_REACH = SpellIndex.NEIGHBOUR_KEY + SpellIndex.DOUBLED;

    /**
     * A short word that reads as nothing of the order where food is named (after "with", "and", a
     * refusal or a menu word; before a list word, a menu word or the end) is the one topping near
     * it: of one or two letters, what is left of a topping of three after two slips ("with
     * pineapple and ma", "avoid am", "tuna and hs"); of three or four, a key beside and a doubled
     * letter ("onions han and", "no jamm"). A word that means something to the order (a count, an
     * article, a list word, a refusal) or is a slip from one ("nd", "on") stays.
     */
    private void readShortFoodWords(String[] tokens, MenuIndex index) {
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() > FOOD_SLOT_LONGEST
                    || !isWord(token)
                    || index.canonical(token) != null
                    || lexicon.meansSomething(token)
                    || lexicon.articles.contains(token)
                    || lexicon.shortRefusals.contains(token)
                    || !foodBefore(tokens, i, index)
                    || !foodEnds(tokens, i + 1, index)) {
                continue;
            }
            // a word of chatter ("am", "han") is read only a slip away, and after food only when
            // food or a list word follows ("a large ha pizza", but not "tuna but no onions")
            boolean known = lexicon.knows(token);
            if (known
                    && namesFood(tokens[i - 1], index)
                    && (i + 1 == tokens.length
                            || !namesFood(tokens[i + 1], index) && !lexicon.listJoins.contains(tokens[i + 1]))) {
                continue;
            }
            if (nearFunctionWord(token) && !betweenPickAndItem(tokens, i, index) && !afterQualifier(tokens, i)) {
                continue; // "nd", "wih": a list word or separator slipped, read as such elsewhere
            }
            if (known && lexicon.fillers.contains(token)) {
                continue; // "get me", "give it": words that stand beside food as themselves
            }
            // a word of chatter only one dropped letter away ("am", "ha"), any other two slips away
            double reach =
                    token.length() > 2 ? FOOD_SLOT_LONG_REACH : known ? SpellIndex.MISSING_LETTER : FOOD_SLOT_REACH;
            SpellIndex.Match best = null;
            boolean tied = false;
            for (SpellIndex.Match m : index.shortWordsWithin(token, reach)) {
                String word = m.word();
                if (word.length() > 3 && m.cost() > SpellIndex.OTHER_KEY
                        || lexicon.knows(word)
                        || !index.onlyAddOnWord(word) && !index.itemsByWord.containsKey(word)
                        || token.length() == 1 && word.charAt(0) != token.charAt(0)) {
                    continue; // food: what is put on a dish or the dish, not a unit or a size
                }
                if (best == null
                        || m.cost() < best.cost() - 1e-9
                        || m.cost() < best.cost() + 1e-9 && m.similarity() > best.similarity() + 1e-9) {
                    tied = false;
                    best = m;
                } else if (m.cost() < best.cost() + 1e-9 && m.similarity() > best.similarity() - 1e-9) {
                    tied = true;
                }
            }
            // a dish as near as the topping ("small pe with": pie or pea) is left for the dish
            if (best != null && !tied && index.onlyAddOnWord(best.word())) {
                tokens[i] = best.word();
            }
        }
    }

    /** Reach of the first word of a name before the name's other word: two slips, a dropped letter among them. */
    private static final double NAME_HEAD_REACH = SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER;
    /** Shortest word read so: two letters are too little to tell a name's word by ("bt", "na"). */
    private static final int NAME_HEAD_SHORTEST = 3;
    /** How much nearer the chosen first word must be than any other before the same word. */
    private static final double NAME_HEAD_MARGIN = 0.3;

    /**
     * A word that reads as nothing right before a word of the menu's names is the word that stands
     * before it in one of those names ("the ihn crust", "a tthi crust", "thmi crust": thin), when it
     * is within two slips of it and clearly nearer than any other word that does ("thick").
     */
    private void readNameHeads(String[] tokens, MenuIndex index) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() < NAME_HEAD_SHORTEST
                    || !isWord(token)
                    || lexicon.knows(token)
                    || index.isMenuWord(token)
                    || index.canonical(token) != null) {
                continue;
            }
            String next = index.canonical(tokens[i + 1]);
            if (next == null || lexicon.knows(tokens[i + 1]) && !index.isMenuWord(tokens[i + 1])) {
                continue;
            }
            String best = null;
            double bestCost = Double.MAX_VALUE;
            double second = Double.MAX_VALUE;
            for (String head : index.wordsBefore(next)) {
                double cost = cost(token, head, NAME_HEAD_REACH + NAME_HEAD_MARGIN);
                if (cost < bestCost) {
                    second = bestCost;
                    bestCost = cost;
                    best = head;
                } else if (cost < second) {
                    second = cost;
                }
            }
            if (best != null && bestCost <= NAME_HEAD_REACH + 1e-9 && second > bestCost + NAME_HEAD_MARGIN) {
                tokens[i] = best;
            }
        }
    }

    /** Reach of a word in the place of a size or style: two slips of any kind. */
    private static final double PICK_SLOT_REACH = 2 * SpellIndex.OTHER_KEY;

    /**
     * A word that reads as nothing between an article or a count and a menu word ("a mal pizza",
     * "two msll cheese pizzas", "six mmall pies") stands where a size or style goes: it is the one
     * word of the menu's picks within two slips of it, when no other is as near.
     */
    private void readPickSlots(String[] tokens, MenuIndex index) {
        for (int i = 1; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            String before = tokens[i - 1];
            if (!isWord(token)
                    || token.length() < 2
                    || lexicon.knows(token)
                    || index.isMenuWord(token)
                    || !lexicon.articles.contains(before) && lexicon.numbers.longest(tokens, i - 1) == null
                    || !namesFood(tokens[i + 1], index)) {
                continue;
            }
            List<SpellIndex.Match> near = index.pickWordsWithin(token, PICK_SLOT_REACH);
            List<String> dish = dishAhead(tokens, i + 1, index);
            if (!dish.isEmpty()) {
                // "a mal pizza": a pick of the dish named ahead (small), not a drink's "ml"
                near = near.stream()
                        .filter(m -> index.optionWordOf(m.word(), dish))
                        .toList();
            }
            if (near.isEmpty()
                    || near.getFirst().word().length() < token.length()
                    || near.size() > 1 && near.get(1).cost() < near.getFirst().cost() + 1e-9) {
                continue;
            }
            // a reading of its own elsewhere in the menu stands unless the pick is about as near
            // ("sanll" is small, not san pellegrino; "mal" small, not mls)
            String read = index.canonical(token);
            double readCost = read == null ? Double.MAX_VALUE : SpellIndex.cost(token, read, 2 * PICK_SLOT_REACH);
            if (read == null || readCost < 0 || near.getFirst().cost() <= readCost + SpellIndex.NEIGHBOUR_KEY) {
                tokens[i] = near.getFirst().word();
            }
        }
    }

    /**
     * Whether position {@code i} stands between a pick (a size or style, no topping) and an item's
     * own name: "a large am pizza" has no place for a list word, which joins like with like.
     */
    private boolean betweenPickAndItem(String[] tokens, int i, MenuIndex index) {
        if (i == 0 || i + 1 >= tokens.length || !namesOnlyItem(tokens, i + 1, index)) {
            return false;
        }
        String before = index.canonical(tokens[i - 1]);
        return before != null
                && !lexicon.knows(tokens[i - 1])
                && index.isOptionWord(before)
                && !index.onlyAddOnWord(before)
                && !index.itemsByWord.containsKey(before);
    }

    /** The items named a few words ahead, only their options between ("mushroom bacon and pepperoni pizza"); or none. */
    private List<String> dishAhead(String[] tokens, int from, MenuIndex index) {
        for (int k = from; k < Math.min(tokens.length, from + PLURAL_ITEM_REACH); k++) {
            var item = index.items.longest(canonicalFrom(index, tokens, k), 0);
            if (item != null) {
                return item.value();
            }
            if (index.canonical(tokens[k]) == null && !lexicon.listJoins.contains(tokens[k])) {
                return List.of();
            }
        }
        return List.of();
    }

    /** Whether a qualifier phrase ("add", "extra", "no", "hold the") ends right before {@code i}: no list word stands there. */
    private boolean afterQualifier(String[] tokens, int i) {
        for (int start = Math.max(0, i - 3); start < i; start++) {
            var qualifier = lexicon.qualifiers.longest(tokens, start);
            if (qualifier != null && start + qualifier.length() == i) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word is a slip from a list word, separator, count or refusal ("nd", "wih", "on"). */
    private boolean nearFunctionWord(String token) {
        for (String word : functionWords) {
            double reach = lexicon.listJoins.contains(word)
                    ? SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER
                    : SpellIndex.MISSING_LETTER;
            if (SpellIndex.cost(token, word, reach) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether what stands before position {@code i} calls for food: a list word, a qualifier or refusal, or a menu word. */
    private boolean foodBefore(String[] tokens, int i, MenuIndex index) {
        String before = tokens[i - 1];
        if (lexicon.listJoins.contains(before) || namesFood(before, index)) {
            return true;
        }
        if (lexicon.articles.contains(before) && i > 1 && foodBefore(tokens, i - 1, index)) {
            return true; // "hold the am", "with a ham"
        }
        // "with", "without", "no", "avoid", "hold the": a separator or qualifier ending right here
        for (int start = Math.max(0, i - 3); start < i; start++) {
            var separator = lexicon.separators.longest(tokens, start);
            var qualifier = lexicon.qualifiers.longest(tokens, start);
            if (separator != null && start + separator.length() == i
                    || qualifier != null && start + qualifier.length() == i) {
                return true;
            }
        }
        return false;
    }

    /** Whether food may end at position {@code i}: the end, a list word, a separator, a qualifier, a menu word or chatter. */
    private boolean foodEnds(String[] tokens, int i, MenuIndex index) {
        if (i >= tokens.length) {
            return true;
        }
        String next = tokens[i];
        return lexicon.listJoins.contains(next)
                || lexicon.separators.longest(tokens, i) != null
                || lexicon.qualifiers.longest(tokens, i) != null
                || namesFood(next, index)
                || lexicon.knows(next) && !lexicon.meansSomething(next) && !lexicon.articles.contains(next);
    }

    /**
     * The one-letter article a letter that is no word stands for ("s", "ss": a), when it is a key
     * beside it, stands before a menu word or a qualifier and not right after a menu word; or null.
     */
    private String articleSlip(String token, String[] tokens, int i, MenuIndex index) {
        if (token.isEmpty()
                || token.length() > 2
                || token.charAt(0) != token.charAt(token.length() - 1)
                || !Character.isLetter(token.charAt(0))
                || lexicon.knownWords.contains(token)
                || index.isMenuWord(token)
                || i + 1 >= tokens.length
                || i > 0 && !lexicon.knows(tokens[i - 1]) && index.canonical(tokens[i - 1]) != null) {
            return null;
        }
        if (!isMenuReading(tokens[i + 1], index) && lexicon.qualifiers.longest(tokens, i + 1) == null) {
            return null;
        }
        for (String article : lexicon.articles) {
            if (article.length() == 1 && SpellIndex.isNeighbour(token.charAt(0), article.charAt(0))) {
                return article;
            }
        }
        return null;
    }

    /**
     * Whether an everyday word of two or three letters stands inside a list of the menu's words:
     * after a list word or a menu word, and before a menu word or a list word.
     */
    private boolean inListSlot(String token, String[] tokens, int i, MenuIndex index) {
        if (token.length() < 2
                || token.length() > SpellIndex.MIN_LENGTH
                || !lexicon.everyday.contains(token)
                || lexicon.meansSomething(token)
                || lexicon.articles.contains(token)
                || index.isMenuWord(token)
                || i == 0) {
            return false;
        }
        boolean after = lexicon.listJoins.contains(tokens[i - 1])
                || lexicon.separators.longest(tokens, i - 1) != null && !lexicon.alternatives.contains(tokens[i - 1])
                || isMenuReading(tokens[i - 1], index);
        // ... and before a menu word, a list word, a refusal or the end ("tuna and am but hold ...")
        boolean before = i + 1 == tokens.length
                || lexicon.separators.longest(tokens, i + 1) != null
                || lexicon.qualifiers.longest(tokens, i + 1) != null
                || isMenuReading(tokens[i + 1], index);
        return after && before;
    }

    /**
     * Whether a word reads as a word of the menu that is no list word, article or separator: some
     * menus have "and" and "a" in their names ("seven and a half ounces", "in a can"), but a
     * slip before "and" is not a slip before food.
     */
    private boolean namesFood(String token, MenuIndex index) {
        return index.canonical(token) != null
                && !lexicon.articles.contains(token)
                && !lexicon.listJoins.contains(token)
                && lexicon.separators.longest(new String[] {token}, 0) == null;
    }

    /** Whether a word reads as a menu word: one as it stands, or a misspelling of one that is no lexicon word. */
    private boolean isMenuReading(String token, MenuIndex index) {
        return index.isMenuWord(token) || !lexicon.knows(token) && index.canonical(token) != null;
    }

    /** A one-letter list word ("n") or a letter that is no word, right before a menu word. */
    private boolean isShortAmbiguous(String token, String[] tokens, int i, MenuIndex index) {
        return token.length() == 1
                && Character.isLetter(token.charAt(0))
                && !lexicon.articles.contains(token)
                && lexicon.shortRefusals.contains(SHORT_REFUSAL)
                && SpellIndex.cost(token, SHORT_REFUSAL, SpellIndex.MISSING_LETTER) >= 0
                && i + 1 < tokens.length
                && namesFood(tokens[i + 1], index)
                && !namesOnlyItem(tokens, i + 1, index);
    }

    /** Whether an item's name and no option's starts at {@code from} ("pizza", "pie"): nothing to refuse. */
    private boolean namesOnlyItem(String[] tokens, int from, MenuIndex index) {
        String[] canonical = canonicalFrom(index, tokens, from);
        return index.items.longest(canonical, 0) != null && index.options.longest(canonical, 0) == null;
    }

    /** Readings of a misspelt word: menu words and lexicon words within typing reach, and the word left unread. */
    private List<SentenceReadings.Reading> guesses(String token, String[] tokens, int i, MenuIndex index) {
        Map<String, SentenceReadings.Reading> byWord = new java.util.LinkedHashMap<>();
        for (SpellIndex.Match m : index.spellingCandidates(token, READINGS)) {
            var reading = SentenceReadings.Reading.guess(m.word(), m, SentenceReadings.Source.MENU);
            if (namesNothingAlone(m.word(), index) && !nameGoesOn(m.word(), tokens, i, index)) {
                // "sdn": the "san" of a longer name, which names nothing unless its other words stand beside it
                reading =
                        new SentenceReadings.Reading(reading.word(), reading.cost() + PART_OF_A_NAME, reading.source());
            }
            byWord.merge(m.word(), reading, DeterministicOrderParser::cheaper);
        }
        boolean menu = !byWord.isEmpty();
        String single = TextNormalizer.withoutDoubledLetters(token);
        if (!single.equals(token)
                && lexicon.knownWords.contains(single)
                && !index.isMenuWord(single)
                && !index.isMenuWord(single)) {
            // "noo", "andd", "mee": a key held down
            byWord.merge(
                    single,
                    new SentenceReadings.Reading(
                            single,
                            SpellIndex.DOUBLED * (token.length() - single.length()),
                            lexicon.meaningful.contains(single)
                                    ? SentenceReadings.Source.LEXICON
                                    : SentenceReadings.Source.EVERYDAY),
                    DeterministicOrderParser::cheaper);
        }
        if (token.length() <= SpellIndex.MIN_LENGTH) {
            // "nop extra cheese", "nio pepperoni": a refusal of two letters is too short for the index
            for (String refusal : lexicon.shortRefusals) {
                double cost = SpellIndex.cost(token, refusal, SpellIndex.OTHER_KEY);
                if (cost >= 0) {
                    byWord.merge(
                            refusal,
                            new SentenceReadings.Reading(refusal, cost, SentenceReadings.Source.LEXICON),
                            DeterministicOrderParser::cheaper);
                }
            }
        }
        boolean hindi = lexicon.writesHindi(tokens);
        for (SpellIndex.Match m : lexiconSpelling.within(token, LEXICON_READINGS)) {
            if (!hindi && lexicon.hindiOnly.contains(m.word())) {
                continue; // "bede" in an English message is no Hindi count ("bees", 20)
            }
            var reading = SentenceReadings.Reading.guess(m.word(), m, SentenceReadings.Source.LEXICON);
            if (lexicon.meansSomething(m.word())) {
                // counts, qualifiers and separators first among lexicon words: "hol" is hold, not hola
                reading =
                        new SentenceReadings.Reading(reading.word(), reading.cost() - MEANING_FIRST, reading.source());
            }
            byWord.merge(m.word(), reading, DeterministicOrderParser::cheaper);
        }
        if (byWord.isEmpty()) {
            return List.of();
        }
        // everyday words only where no menu word is near: "thh" is the, but "noin" is not noon
        for (SpellIndex.Match m : menu ? List.<SpellIndex.Match>of() : everydaySpelling.within(token, READINGS)) {
            var reading = SentenceReadings.Reading.guess(m.word(), m, SentenceReadings.Source.EVERYDAY);
            byWord.merge(
                    m.word(),
                    new SentenceReadings.Reading(reading.word(), reading.cost() + EVERYDAY, reading.source()),
                    DeterministicOrderParser::cheaper);
        }
        List<SentenceReadings.Reading> readings = new java.util.ArrayList<>(byWord.values());
        if (!menu) {
            // no menu word near: the word may also stay unread, dearer than any reading in reach
            double dearest = readings.stream()
                    .mapToDouble(SentenceReadings.Reading::cost)
                    .max()
                    .orElse(0);
            readings.add(new SentenceReadings.Reading(token, dearest + UNREAD, SentenceReadings.Source.AS_TYPED));
        }
        return readings;
    }

    /** What a menu word costs beyond its typing when it names nothing by itself, only inside longer names. */
    private static final double PART_OF_A_NAME = 0.5;

    /** Whether a word beside position {@code i} goes on a name with this menu word ("rreen peppers": green). */
    private static boolean nameGoesOn(String word, String[] tokens, int i, MenuIndex index) {
        String before = i > 0 ? index.canonical(tokens[i - 1]) : null;
        String after = i + 1 < tokens.length ? index.canonical(tokens[i + 1]) : null;
        return before != null && index.followEachOther(before, word)
                || after != null && index.followEachOther(word, after);
    }

    /** Whether a menu word names no item or option by itself, only words of longer names ("san" of "san pellegrino"). */
    private static boolean namesNothingAlone(String word, MenuIndex index) {
        String[] one = {word};
        return index.items.longest(one, 0) == null
                && index.options.longest(one, 0) == null
                && index.onlyOptionEndingWith(word) == null
                && index.onlyOptionStartingWith(word) == null;
    }

    private static SentenceReadings.Reading cheaper(SentenceReadings.Reading a, SentenceReadings.Reading b) {
        return b.cost() < a.cost() ? b : a;
    }

    /** The token for a chosen reading: the lexicon's word, or the menu's when the menu index would not read it so. */
    private String written(String token, SentenceReadings.Reading reading, MenuIndex index) {
        return switch (reading.source()) {
            case AS_TYPED, KEPT -> token;
            case LEXICON, EVERYDAY -> reading.word();
            case MENU -> {
                if (lexicon.knownWords.contains(reading.word())) {
                    yield reading.word(); // "exxtra": extra, so the lexicons see it too
                }
                if (reading.word().equals(index.canonical(token))) {
                    yield token;
                }
                // keep what the typed word says of number: "pepprs" stays plural
                yield token.endsWith("s") && !reading.word().endsWith("s") ? reading.word() + "s" : reading.word();
            }
        };
    }

    /** Readings kept per misspelt word. */
    private static final int READINGS = 3;
    /** Readings kept among the lexicons' words, which are many and short. */
    private static final int LEXICON_READINGS = 6;
    /** How much a lexicon word that changes the order is preferred over chatter as near. */
    private static final double MEANING_FIRST = 0.001;
    /** What leaving a word unread costs beyond its typing budget. */
    private static final double UNREAD = 0.5;
    /** How much dearer an everyday word is than a word of the order as near. */
    private static final double EVERYDAY = 0.1;

    /**
     * Words of one or two letters that are no word: too short to correct anywhere, but in an order
     * their place tells. Right before a menu word, one a slip from a two-letter refusal is the
     * refusal ("bo peppers", "with o tuna"); after a list word or a menu word, a two-letter one is
     * the only three-letter menu word it is a slip from ("with onions and hm": ham).
     */
    private void correctShortWords(String[] tokens, MenuIndex index) {
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            boolean listed = i > 0
                    && (lexicon.separators.longest(tokens, i - 1) != null
                            || lexicon.qualifiers.longest(tokens, i - 1) != null
                            || index.canonical(tokens[i - 1]) != null);
            boolean beforeOption =
                    i + 1 < tokens.length && index.options.longest(canonicalFrom(index, tokens, i + 1), 0) != null;
            if (token.length() == 2
                    && lexicon.knows(token)
                    && listed
                    && beforeOption
                    && !lexicon.shortRefusals.contains(token)
                    && lexicon.qualifiers.longest(tokens, i) == null) {
                // "with on ham": a word two swapped letters from a refusal, between a list word and
                // an option, is the refusal; "on" is no place for a topping to be
                String refusal = lexicon.shortRefusals.stream()
                        .filter(r -> SpellIndex.cost(token, r, SpellIndex.SWAP) >= 0)
                        .findFirst()
                        .orElse(null);
                boolean afterListWord = lexicon.separators.longest(tokens, i - 1) != null
                        || lexicon.qualifiers.longest(tokens, i - 1) != null;
                if (refusal != null && afterListWord && !insideLexiconPhrase(tokens, i)) {
                    tokens[i] = refusal;
                }
                continue;
            }
            if (lexicon.articles.contains(token)
                    && i > 0
                    && i + 1 < tokens.length
                    && index.canonical(tokens[i - 1]) != null
                    && !lexicon.knows(tokens[i - 1])
                    && (lexicon.qualifiers.longest(tokens, i + 1) != null
                            || index.items.longest(canonicalFrom(index, tokens, i + 1), 0) == null
                                    && index.options.longest(canonicalFrom(index, tokens, i + 1), 0) != null)) {
                // "bacon an sausage": an article right after a menu word and before an option is
                // the list word it is a letter short of ("and an pizza" stays an article)
                String join = onlyNear(token, lexicon.listJoins, SpellIndex.MISSING_LETTER);
                if (join != null) {
                    tokens[i] = join;
                    continue;
                }
            }
            if (token.length() <= 3
                    && i > 0
                    && i + 1 < tokens.length
                    && !lexicon.knows(token)
                    && !index.isMenuWord(token)
                    && namesFood(tokens[i - 1], index)
                    && namesFood(tokens[i + 1], index)
                    && Character.isLetter(token.charAt(0))) {
                // "mushroom sdn tuna": between two menu words, the one list word a slip or two away
                String join = onlyNear(token, lexicon.listJoins, SpellIndex.OTHER_KEY);
                if (join != null) {
                    tokens[i] = join;
                    continue;
                }
            }
            if (token.length() > 2
                    || token.length() == 2 && token.charAt(0) == token.charAt(1) && lexicon.knows(token.substring(1))
                    || lexicon.knows(token)
                    || index.isMenuWord(token)
                    || !Character.isLetter(token.charAt(0))) {
                continue;
            }
            if (i + 1 < tokens.length && namesFood(tokens[i + 1], index) && !namesOnlyItem(tokens, i + 1, index)) {
                // one letter after a list word is no word at all: a slip and a dropped letter
                // (before a dish's own name, "thin crust h pizza", a refusal has nothing to refuse)
                double reach = token.length() == 2
                        ? SpellIndex.NEIGHBOUR_KEY
                        : listed ? SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER : SpellIndex.MISSING_LETTER;
                String refusal = lexicon.shortRefusals.stream()
                        .filter(r -> SpellIndex.cost(token, r, reach) >= 0)
                        .findFirst()
                        .orElse(null);
                if (refusal != null) {
                    tokens[i] = refusal;
                    continue;
                }
            }
            if (token.length() == 2 && listed) {
                String word = index.onlyShortWordNear(token);
                if (word != null) {
                    tokens[i] = word;
                }
            }
        }
    }

    /**
     * A refusal whose word a typo took ("od the tuna", "with nn ham", "but n ham", "mmo peppers",
     * "do ot add any peppers"): a short word that is no word, or a letter or two that completes a
     * refusal phrase with its neighbours, right before an option, is read as the refusal when it is
     * within typing reach of the refusal word and no list word, article or count is nearer. Reading
     * a refusal where "and" was meant loses an option the customer can add again; reading an
     * addition where "no" was meant puts on the plate what they refused, so a tie goes to the refusal.
     */
    private static final double COUNT_REACH = SpellIndex.NEIGHBOUR_KEY + SpellIndex.MISSING_LETTER;
    /** How many words a count may stand before its plural item, options between. */
    private static final int PLURAL_ITEM_REACH = 7;

    private void restoreRefusals(String[] tokens, MenuIndex index) {
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() > 4 || !isWord(token) || index.isMenuWord(token)) {
                continue;
            }
            boolean known = lexicon.knows(token);
            if (known
                    && (token.length() > 2
                            || lexicon.refusalRivals.contains(token) && !lexicon.listJoins.contains(token)
                            || lexicon.qualifiers.longest(tokens, i) != null
                            || lexicon.numbers.longest(tokens, i) != null)) {
                continue;
            }
            String single = TextNormalizer.withoutDoubledLetters(token);
            String best = null;
            double bestCost = Double.MAX_VALUE;
            boolean inPhrase = false;
            for (String[] phrase : lexicon.refusalPhrases) {
                for (int j = 0; j < phrase.length; j++) {
                    int start = i - j;
                    int end = start + phrase.length;
                    if (start < 0
                            || end > tokens.length
                            || !fits(tokens, phrase, start, i)
                            || !optionFollows(tokens, end, index)) {
                        continue;
                    }
                    // a word known as something else is read as a refusal only inside a phrase
                    // whose other words are there ("but n ham"); an unknown one also alone
                    if (known && phrase.length < 2) {
                        continue;
                    }
                    // the rest of a phrase there is evidence enough for two dropped letters ("od the")
                    double reach = phrase.length > 1 && !known ? 2 * SpellIndex.MISSING_LETTER : SpellIndex.OTHER_KEY;
                    double cost = Math.min(cost(single, phrase[j], reach), cost(token, phrase[j], reach));
                    if (phrase.length == 1 && !known && refusalExpected(tokens, i, index)) {
                        // where only a refusal fits, also its letters swapped and one slipped ("ob": on, no)
                        cost = Math.min(cost, swappedCost(token, phrase[j], reach));
                    }
                    if (cost < bestCost || cost == bestCost && phrase.length > 1) {
                        bestCost = cost;
                        best = phrase[j];
                        inPhrase = phrase.length > 1;
                    }
                }
            }
            if (best == null || bestCost == Double.MAX_VALUE) {
                continue;
            }
            // inside a refusal phrase whose other words are there, nothing else fits ("od the tuna")
            if (!known && !inPhrase) {
                // alone, an unknown word is a refusal only where nothing else can stand: before a
                // topping, right after a list word (no second list word or count fits: "and nn
                // pepperoni", "with ob pesto") or after "but" ("but hhod chicken"), unless an article
                // is nearer; elsewhere "nwt", "wot" and "nly" are not, with, only
                if (!refusalExpected(tokens, i, index)) {
                    continue;
                }
                double limit = bestCost - STRICTLY_NEARER;
                boolean articleNearer = limit >= 0
                        && lexicon.articles.stream()
                                .anyMatch(a -> cost(single, a, limit) < Double.MAX_VALUE
                                        || cost(token, a, limit) < Double.MAX_VALUE);
                if (articleNearer) {
                    continue;
                }
            }
            tokens[i] = best;
        }
    }

    /** Margin by which a rival must be nearer, beyond the tolerance of {@link SpellIndex#cost}. */
    private static final double STRICTLY_NEARER = 0.01;

    /**
     * Whether only a refusal fits at {@code i}: a topping follows, and before stands a list word or
     * a separator that joins ("and", "with"), or the first word of a refusal phrase ("but").
     */
    private boolean refusalExpected(String[] tokens, int i, MenuIndex index) {
        if (i == 0 || !addOnFollows(tokens, i + 1, index)) {
            return false;
        }
        if (afterListWord(tokens, i)) {
            return true;
        }
        for (String[] phrase : lexicon.refusalPhrases) {
            if (phrase.length > 1 && phrase[0].equals(tokens[i - 1])) {
                return true;
            }
        }
        return false;
    }

    /** Typing cost of a word read as {@code word} with two of its letters swapped, then up to {@code reach}. */
    private static double swappedCost(String typed, String word, double reach) {
        double best = Double.MAX_VALUE;
        for (int k = 0; k + 1 < word.length(); k++) {
            char[] swapped = word.toCharArray();
            swapped[k] = word.charAt(k + 1);
            swapped[k + 1] = word.charAt(k);
            best = Math.min(best, SpellIndex.SWAP + cost(typed, new String(swapped), reach - SpellIndex.SWAP));
        }
        return best;
    }

    /** Whether a list word or a separator that joins ("and", "with", not "or") stands right before position {@code i}. */
    private boolean afterListWord(String[] tokens, int i) {
        if (i == 0) {
            return false;
        }
        String before = tokens[i - 1];
        return lexicon.listJoins.contains(before)
                || !lexicon.alternatives.contains(before) && lexicon.separators.longest(tokens, i - 1) != null;
    }

    /** Whether a word that only names something put on a dish (a topping, no item or size) starts at {@code from}. */
    private boolean addOnFollows(String[] tokens, int from, MenuIndex index) {
        if (from >= tokens.length) {
            return false;
        }
        String canonical = index.canonical(tokens[from]);
        String[] ahead = canonicalFrom(index, tokens, from);
        return canonical != null
                && index.isOptionWord(canonical)
                && index.pickWordsWithin(canonical, 0).isEmpty()
                && !lexicon.knows(tokens[from])
                && index.options.longest(ahead, 0) != null
                && index.items.longest(ahead, 0) == null;
    }

    /**
     * A list word that lost its last letter and became an article ("sausage an tuna pie", "tuna an
     * ham"): an article that begins a list word one letter longer, between two menu words, where
     * the next word begins with a consonant (an article "an" stands before a vowel), is the list
     * word. "an onion" and "i'd like an pepperoni pizza" stay as typed (no menu word before).
     */
    private void readListWordsTypedAsArticles(String[] tokens, MenuIndex index) {
        for (int i = 1; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            String next = tokens[i + 1];
            if (!lexicon.articles.contains(token)
                    || token.length() < 2
                    || next.isEmpty()
                    || "aeiou".indexOf(next.charAt(0)) >= 0
                    || !Character.isLetter(next.charAt(0))
                    || lexicon.articles.contains(tokens[i - 1])
                    || !isMenuReading(tokens[i - 1], index)
                    || !namesFood(tokens[i - 1], index)
                    || !isMenuReading(next, index)
                    || !namesFood(next, index)) {
                continue;
            }
            for (String join : lexicon.listJoins) {
                if (join.length() == token.length() + 1 && join.startsWith(token)) {
                    tokens[i] = join;
                    break;
                }
            }
        }
    }

    /**
     * A count whose word a typo took or turned into another word ("to medium pizzas", "our medium
     * cokes", "tw large pizzas", "ifv pizzas"): a short word that means nothing to the order, right
     * before a plural item (perhaps after a size or another option), is the one count of two or more
     * it is within typing reach of. Only a plural item calls for the count: "to a large pizza" and
     * "to large" alone stay what they are.
     */
    private void restoreCounts(String[] tokens, MenuIndex index) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            String token = tokens[i];
            if (token.length() > 5
                    || !isWord(token)
                    || index.isMenuWord(token)
                    || lexicon.meansSomething(token)
                    || lexicon.articles.contains(token)
                    || i > 0 && lexicon.numbers.longest(tokens, i - 1) != null
                    || !pluralItemFollows(tokens, i + 1, index)) {
                continue;
            }
            String single = TextNormalizer.withoutDoubledLetters(token);
            String best = null;
            double bestCost = Double.MAX_VALUE;
            boolean tie = false;
            boolean hindi = lexicon.writesHindi(tokens);
            for (String count : lexicon.pluralCounts) {
                if (!hindi && lexicon.hindiOnly.contains(count)) {
                    continue;
                }
                double cost = Math.min(cost(token, count, COUNT_REACH), cost(single, count, COUNT_REACH));
                if (cost == Double.MAX_VALUE) {
                    continue;
                }
                if (Math.abs(cost - bestCost) < 1e-9 && !sameCount(count, best)) {
                    tie = true;
                } else if (cost < bestCost) {
                    bestCost = cost;
                    best = count;
                    tie = false;
                }
            }
            if (best != null && !tie) {
                tokens[i] = best;
            }
        }
    }

    private boolean sameCount(String a, String b) {
        return b != null
                && lexicon.numbers
                        .longest(new String[] {a}, 0)
                        .value()
                        .equals(lexicon.numbers.longest(new String[] {b}, 0).value());
    }

    /**
     * Whether a plural item's name follows, with only options of it between ("medium pizzas",
     * "medium thin crust meat lovers pizzas", "medium chicken and olive pizzas"): a list word may
     * join two options, never stand first or right before the item.
     */
    private boolean pluralItemFollows(String[] tokens, int from, MenuIndex index) {
        for (int k = from; k < Math.min(tokens.length, from + PLURAL_ITEM_REACH); k++) {
            if (k > from
                    && lexicon.listJoins.contains(tokens[k])
                    && k + 1 < tokens.length
                    && index.canonical(tokens[k - 1]) != null
                    && index.items.longest(canonicalFrom(index, tokens, k + 1), 0) == null) {
                continue;
            }
            String canonical = index.canonical(tokens[k]);
            if (canonical == null
                    || lexicon.listJoins.contains(tokens[k])
                    || lexicon.numbers.longest(tokens, k) != null) {
                return false; // another count starts another line
            }
            if (index.items.longest(canonicalFrom(index, tokens, k), 0) != null) {
                String typed = tokens[k];
                // "pizzas"; "pepsis" where the menu also knows the plural as a word of its own
                return typed.endsWith("s")
                        && (!canonical.endsWith("s")
                                || typed.length() > 3 && index.isMenuWord(typed.substring(0, typed.length() - 1)));
            }
        }
        return false;
    }

    private static double cost(String typed, String word, double reach) {
        double cost = SpellIndex.cost(typed, word, reach);
        return cost < 0 ? Double.MAX_VALUE : cost;
    }

    /** Whether the tokens from {@code start} match a phrase everywhere but at {@code at}. */
    private static boolean fits(String[] tokens, String[] phrase, int start, int at) {
        for (int k = 0; k < phrase.length; k++) {
            if (start + k != at && !phrase[k].equals(tokens[start + k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether an option of the menu (not an item's name) follows, perhaps after an article. */
    private boolean optionFollows(String[] tokens, int from, MenuIndex index) {
        for (int k = from; k < Math.min(tokens.length, from + 2); k++) {
            if (index.options.longest(canonicalFrom(index, tokens, k), 0) != null
                    && index.items.longest(canonicalFrom(index, tokens, k), 0) == null) {
                return true;
            }
            if (!lexicon.articles.contains(tokens[k])) {
                return false;
            }
        }
        return false;
    }

    /** The one word of {@code words} within {@code reach} typing cost of a token, or null. */
    private static String onlyNear(String token, Set<String> words, double reach) {
        String found = null;
        for (String word : words) {
            if (word.length() > 1 && Character.isLetter(word.charAt(0)) && SpellIndex.cost(token, word, reach) >= 0) {
                if (found != null) {
                    return null;
                }
                found = word;
            }
        }
        return found;
    }

    /** Whether a word is part of a qualifier or separator phrase that starts before it ("heavy on"). */
    private boolean insideLexiconPhrase(String[] tokens, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            var qualifier = lexicon.qualifiers.longest(tokens, k);
            var separator = lexicon.separators.longest(tokens, k);
            if (qualifier != null && k + qualifier.length() > i || separator != null && k + separator.length() > i) {
                return true;
            }
        }
        return false;
    }

    /** The menu words of the tokens from {@code from} on (null where none), to look a menu phrase up. */
    private static String[] canonicalFrom(MenuIndex index, String[] tokens, int from) {
        int end = Math.min(tokens.length, from + 4);
        String[] canonical = new String[end - from];
        for (int k = from; k < end; k++) {
            canonical[k - from] = index.canonical(tokens[k]);
        }
        return canonical;
    }

    /**
     * Whether reading a misspelt word as {@code word} can stand where it is: a number word counts
     * what follows it, so one read from a typo needs a next word that is not a separator ("with
     * cheee and ham" is cheese, not "che", six).
     */
    private boolean counts(String word, String[] tokens, int i) {
        if (lexicon.numbers.longest(new String[] {word}, 0) == null) {
            return true;
        }
        return i + 1 < tokens.length && lexicon.separators.longest(tokens, i + 1) == null;
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
