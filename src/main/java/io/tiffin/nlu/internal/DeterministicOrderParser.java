package io.tiffin.nlu.internal;

import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.OrderParser;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Intent;
import io.tiffin.nlu.ParseResult.Reason;
import java.util.List;
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
    private static final List<Intent> BY_PRIORITY = List.of(Intent.CANCEL, Intent.STATUS, Intent.CONFIRM,
            Intent.MENU, Intent.HELP, Intent.GREETING);

    private final Lexicon lexicon;
    private final TurnReader turns;
    private final MenuIndexCache indexes;
    private final MentionScanner scanner;
    private final OrderAssembler assembler;
    private final LineNotes notes;
    private final SpellIndex lexiconSpelling;
    /** Jaro-Winkler a short word needs besides one edit to be read as a lexicon word. */
    private static final double SHORT_WORD_SIMILARITY = 0.85;

    public DeterministicOrderParser() {
        this.lexicon = Lexicon.fromClasspath();
        this.lexiconSpelling = new SpellIndex(lexicon.knownWords);
        this.indexes = new MenuIndexCache(lexicon);
        this.turns = new TurnReader(lexicon);
        this.scanner = new MentionScanner(lexicon);
        this.notes = new LineNotes(lexicon);
        this.assembler = new OrderAssembler(lexicon.alternatives, lexicon.articles, notes, lexicon.negatedAfter,
                lexicon.listJoins, lexicon.distributive);
    }

    /** The order the message names, then what else it does (an edit, a question) and its language. */
    @Override
    public ParseResult parse(String utterance, MenuSnapshot menu) {
        return turns.read(utterance, lexicon.normalizer.tokens(utterance), correctedTokens(utterance, menu), indexes.indexOf(menu),
                readOrder(utterance, menu),
                words -> readOrder(String.join(" ", words), menu));
    }

    /** The words as the order reading sees them: lexicon words of other scripts romanised, misspelt ones corrected. */
    private String[] correctedTokens(String utterance, MenuSnapshot menu) {
        String[] tokens = lexicon.normalizer.tokens(utterance);
        romaniseLexiconWords(tokens);
        correctLexiconWords(tokens, indexes.indexOf(menu));
        return tokens;
    }

    private ParseResult readOrder(String utterance, MenuSnapshot menu) {
        String[] tokens = lexicon.normalizer.tokens(utterance);
        if (tokens.length == 0) {
            return new ParseResult(Intent.OTHER, List.of(), List.of(), 0.0);
        }
        romaniseLexiconWords(tokens);
        correctLexiconWords(tokens, indexes.indexOf(menu));
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
                var unresolved = order.unresolved().stream().filter(u -> u.reason() != Reason.MISSING_CHOICE).toList();
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
        return ids.stream().map(index.itemsById::get).filter(java.util.Objects::nonNull).limit(limit).toList();
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
     * A misspelt word of the lexicons ("witout", "tow", "exra") is read as that word, so refusals,
     * counts and qualifiers survive typing; a word that is (or is close to) a menu word is the menu's.
     */
    private void correctLexiconWords(String[] tokens, MenuIndex index) {
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            String single = TextNormalizer.withoutDoubledLetters(token);
            if (!single.equals(token) && !lexicon.knows(token) && lexicon.knownWords.contains(single)
                    && index.canonical(token) == null) {
                tokens[i] = single; // "noo", "andd": a key held down
                continue;
            }
            if (token.length() < SpellIndex.MIN_LENGTH || lexicon.knows(token)
                    || ScriptKeys.isOtherScript(token) || index.canonical(token) != null) {
                continue;
            }
            SpellIndex.Match match = lexiconSpelling.closest(token);
            if (match != null && (token.length() > 4 || match.similarity() >= SHORT_WORD_SIMILARITY
                    || match.word().length() == token.length())) {
                tokens[i] = match.word();
            }
        }
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
        double confidence = base * Math.pow(0.85, order.guesses()) * Math.pow(0.7, order.unresolved().size())
                * Math.pow(0.95, Math.min(order.unknownWords(), 6));
        return Math.round(confidence * 100) / 100.0;
    }
}
