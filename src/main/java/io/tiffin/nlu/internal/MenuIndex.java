package io.tiffin.nlu.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * One menu prepared for matching, built once per menu version: every item and option name and
 * alias as singular tokens, the words they use, and a memo of how misspelt words map onto them.
 */
final class MenuIndex {

    /** Where an option phrase points: the option of a group of an item. */
    record OptionRef(String itemId, String groupId, String optionId) {}

    private static final int FUZZY_MEMO_LIMIT = 20_000;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance WITHIN_ONE = new LevenshteinDistance(1);

    final long version;
    final Menu menu;
    final PhraseTable<List<String>> items = new PhraseTable<>();
    final PhraseTable<List<OptionRef>> options = new PhraseTable<>();
    /** Option names as written, plurals kept, for when singular and plural name different options. */
    final PhraseTable<List<OptionRef>> optionsAsWritten = new PhraseTable<>();
    /** The last word of option names of several words, with each such name's options ("vinegar": red wine vinegar). */
    private final Map<String, Map<String, List<OptionRef>>> optionsByHead = new HashMap<>();
    /** The first word of option names of several words, with each such name's options ("caramel": caramel syrup). */
    private final Map<String, Map<String, List<OptionRef>>> optionsByFirst = new HashMap<>();
    /** Each item word, with the items (in menu order) whose names or aliases use it. */
    final Map<String, Set<String>> itemsByWord = new HashMap<>();

    final Map<String, Menu.Item> itemsById = new LinkedHashMap<>();
    final Map<String, String> categoryOfItem = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    /** Words of the menu's own names, items' and options', not of their aliases. */
    private final Set<String> nameWords = new HashSet<>();
    /** Words of aliases: "chiken" of "butter chiken". */
    private final Set<String> aliasWords = new HashSet<>();
    /** Pairs of menu words that follow each other in a name, "first second". */
    private final Set<String> pairs = new HashSet<>();
    /** For each menu word, the words that stand right before it in a name ("crust": thin, thick). */
    private final Map<String, Set<String>> wordsBefore = new HashMap<>();
    /** Each word of the menu's names to the words that follow it in one ("thin": crust). */
    private final Map<String, Set<String>> wordsAfter = new HashMap<>();
    /** Words of option names. */
    private final Set<String> optionWords = new HashSet<>();
    /** Words of names of options added to a dish (several may be chosen, or "extra"/"no" taken): toppings. */
    private final Set<String> addOnWords = new HashSet<>();
    /** Words of names of options picked once (a size, a crust). */
    private final Set<String> pickWords = new HashSet<>();

    /** Measures that name one option of a group ("20 oz"), and the pack sizes in items' names. */
    private final Set<Measure> measures = new HashSet<>();

    private final Map<String, Measure> packSizes = new HashMap<>();
    /** Options whose names open with a count, by the count and each later word: "2 espresso", "2 shot". */
    private final Map<String, List<OptionRef>> counted = new HashMap<>();

    private final Lexicon lexicon;
    private final Map<String, String> fuzzyMemo = new ConcurrentHashMap<>();
    /** Typed words to the one topping word within reach of them ("" for none), as {@link #fuzzyMemo}. */
    private final Map<String, String> addOnMemo = new ConcurrentHashMap<>();

    private final java.util.function.Predicate<String> protectedWords;
    /** Latin menu words by their sound key, for words written in another script. */
    private final Map<String, List<String>> wordsBySoundKey = new HashMap<>();
    /** The same words by their key with voicing ignored, for scripts that do not write it. */
    private final Map<String, List<String>> wordsByUnvoicedKey = new HashMap<>();
    /** Menu words spelt two ways (a doubled letter), each to the spelling the menu uses most. */
    private final Map<String, String> spellingOf;
    /** The menu's words of three letters, for two-letter slips. */
    private final List<String> threeLetterWords;
    /** The menu's words of three and four letters, for real words typed in their place. */
    private final List<String> shortWords;
    /** The menu's words for spelling correction. */
    private final SpellIndex spelling;

    MenuIndex(MenuSnapshot snapshot, Lexicon lexicon) {
        this.version = snapshot.version();
        this.menu = snapshot.menu();
        this.protectedWords = lexicon::knows;
        this.lexicon = lexicon;
        Map<String, Integer> uses = new HashMap<>();
        spellingOf = sameWords(menu, lexicon);
        for (Menu.Category category : menu.categories()) {
            for (Menu.Item item : category.items()) {
                itemsById.put(item.id(), item);
                categoryOfItem.put(item.id(), category.name());
                boolean itemName = true;
                for (String phrase : names(item.name(), item.aliases())) {
                    String[] tokens = unified(singular(lexicon.normalizer.tokens(phrase)));
                    (itemName ? nameWords : aliasWords).addAll(List.of(tokens));
                    itemName = false;
                    items.put(tokens, List.of(item.id()), MenuIndex::union);
                    addPairs(tokens);
                    for (String token : tokens) {
                        itemsByWord
                                .computeIfAbsent(token, t -> new LinkedHashSet<>())
                                .add(item.id());
                        vocabulary.add(token);
                        uses.merge(token, 1, Integer::sum);
                    }
                }
                indexMeasures(item, lexicon);
                for (Menu.OptionGroup group : item.optionGroups()) {
                    for (Menu.Option option : group.options()) {
                        var ref = List.of(new OptionRef(item.id(), group.id(), option.id()));
                        boolean optionName = true;
                        for (String phrase : names(option.name(), option.aliases())) {
                            String[] written = lexicon.normalizer.tokens(phrase);
                            String[] tokens = unified(singular(written));
                            (optionName ? nameWords : aliasWords).addAll(List.of(tokens));
                            optionName = false;
                            options.put(tokens, ref, MenuIndex::union);
                            addPairs(tokens);
                            optionWords.addAll(List.of(tokens));
                            if (group.max() == null
                                    || group.max() != 1
                                    || !group.qualifiers().isEmpty()) {
                                addOnWords.addAll(List.of(tokens));
                            } else {
                                pickWords.addAll(List.of(tokens));
                            }
                            if (tokens.length > 1) {
                                optionsByHead
                                        .computeIfAbsent(tokens[tokens.length - 1], w -> new HashMap<>())
                                        .merge(String.join(" ", tokens), ref, MenuIndex::union);
                                optionsByFirst
                                        .computeIfAbsent(tokens[0], w -> new HashMap<>())
                                        .merge(String.join(" ", tokens), ref, MenuIndex::union);
                            }
                            optionsAsWritten.put(written, ref, MenuIndex::union);
                            vocabulary.addAll(List.of(tokens));
                            for (String token : tokens) {
                                uses.merge(token, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        spelling = new SpellIndex(vocabulary);
        shortWords = vocabulary.stream()
                .filter(w -> w.length() >= SpellIndex.MIN_LENGTH
                        && w.length() <= SHORT_WORD
                        && w.chars().allMatch(Character::isLetter))
                .toList();
        threeLetterWords = vocabulary.stream()
                .filter(w -> w.length() == 3 && w.chars().allMatch(Character::isLetter))
                .toList();
        Map<String, List<String>> byKey = new HashMap<>();
        for (String word : vocabulary) {
            if (!ScriptKeys.isOtherScript(word) && Character.isLetter(word.charAt(0))) {
                byKey.computeIfAbsent(ScriptKeys.key(word), k -> new ArrayList<>())
                        .add(word);
            }
        }
        // menus carry misspelt aliases ("chiken" beside "chicken"): words sharing a key are tried
        // closest spelling first, then the word most phrases use
        byKey.forEach((key, words) -> {
            words.sort(Comparator.comparingInt((String w) -> -uses.getOrDefault(w, 0)));
            wordsBySoundKey.put(key, List.copyOf(words));
            wordsByUnvoicedKey
                    .computeIfAbsent(ScriptKeys.unvoiced(key), k -> new ArrayList<>())
                    .addAll(words);
        });
    }

    /**
     * The measures of an item: the pack size its name holds ("Veg Samosa (2 pcs)"), and each option's
     * measure ("20 oz Bottle", "Can 330 ml") as a phrase of its own ("20 oz") when no other option of
     * its group has it, so "two twenty ounce cokes" chooses the bottle and counts two.
     */
    private void indexMeasures(Menu.Item item, Lexicon lexicon) {
        var pack = PACK_SIZE.matcher(item.name());
        if (pack.find()) {
            String[] words = lexicon.normalizer.tokens(pack.group());
            for (int k = 0; k < words.length; k++) {
                Measure.At at = Measure.at(lexicon, words, k);
                if (at != null) {
                    packSizes.put(item.id(), at.measure());
                    break;
                }
            }
        }
        for (Menu.OptionGroup group : item.optionGroups()) {
            for (Menu.Option option : group.options()) {
                var ref = new OptionRef(item.id(), group.id(), option.id());
                for (String phrase : names(option.name(), option.aliases())) {
                    // "two espresso shots": an option counted by its first word, found by "double espresso"
                    String[] words = unified(singular(lexicon.normalizer.tokens(phrase)));
                    var count = words.length < 2
                            ? null
                            : words[0].matches("\\d{1,2}")
                                    ? new PhraseTable.Match<>(1, Integer.valueOf(words[0]))
                                    : lexicon.numbers.longest(words, 0);
                    if (count == null || count.length() != 1 || lexicon.articles.contains(words[0])) {
                        continue;
                    }
                    for (int k = 1; k < words.length; k++) {
                        if (!lexicon.knows(words[k])) {
                            counted.merge(count.value() + " " + words[k], List.of(ref), MenuIndex::union);
                        }
                    }
                }
            }
            Map<Measure, List<Menu.Option>> byMeasure = new HashMap<>();
            for (Menu.Option option : group.options()) {
                Set<Measure> own = new HashSet<>();
                for (String phrase : names(option.name(), option.aliases())) {
                    String[] words = lexicon.normalizer.tokens(phrase);
                    for (int k = 0; k < words.length; k++) {
                        Measure.At at = Measure.at(lexicon, words, k);
                        if (at != null) {
                            own.add(at.measure());
                        }
                    }
                }
                own.forEach(m ->
                        byMeasure.computeIfAbsent(m, x -> new ArrayList<>()).add(option));
            }
            byMeasure.forEach((measure, options) -> {
                if (options.size() == 1) {
                    String[] tokens = measure.tokens();
                    this.options.put(
                            tokens,
                            List.of(new OptionRef(
                                    item.id(), group.id(), options.get(0).id())),
                            MenuIndex::union);
                    vocabulary.addAll(List.of(tokens));
                    pickWords.addAll(List.of(tokens));
                    measures.add(measure);
                }
            });
        }
    }

    /**
     * The options counted {@code count} whose names have this word after the count ("double
     * espresso": the option "two espresso shots"), at most one per item; empty when none.
     */
    List<OptionRef> counted(int count, String word) {
        List<OptionRef> refs = counted.getOrDefault(count + " " + word, List.of());
        return refs.stream()
                .filter(r ->
                        refs.stream().filter(o -> o.itemId().equals(r.itemId())).count() == 1)
                .toList();
    }

    /**
     * The one option of each of these items counted {@code count} ("a double latte": the drink's
     * "two espresso shots"), for a multiplier said before the item itself; empty when an item has
     * none or several different ones.
     */
    List<OptionRef> countedOf(int count, java.util.Collection<String> itemIds) {
        Map<String, Set<OptionRef>> byItem = new HashMap<>();
        String prefix = count + " ";
        counted.forEach((key, refs) -> {
            if (key.startsWith(prefix)) {
                refs.stream()
                        .filter(r -> itemIds.contains(r.itemId()))
                        .forEach(r -> byItem.computeIfAbsent(r.itemId(), k -> new HashSet<>())
                                .add(r));
            }
        });
        List<OptionRef> out = new ArrayList<>();
        for (Set<OptionRef> refs : byItem.values()) {
            if (refs.size() == 1) {
                out.addAll(refs);
            }
        }
        return out;
    }

    /** Whether the word is a word of the name of an option of one of these items. */
    boolean optionWordOf(String word, List<String> itemIds) {
        for (String id : itemIds) {
            Menu.Item item = itemsById.get(id);
            if (item == null) {
                continue;
            }
            for (Menu.OptionGroup group : item.optionGroups()) {
                for (Menu.Option option : group.options()) {
                    for (String phrase : names(option.name(), option.aliases())) {
                        for (String token : unified(singular(lexicon.normalizer.tokens(phrase)))) {
                            if (token.equals(word)) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Whether an option of the menu is named by this measure, so a message's spelling of it is read as the menu's. */
    /** Whether the option's group takes one choice only (a size, a crust), so two of them mean two dishes. */
    boolean onePick(OptionRef ref) {
        Menu.Item item = itemsById.get(ref.itemId());
        if (item == null) {
            return false;
        }
        for (Menu.OptionGroup group : item.optionGroups()) {
            if (group.id().equals(ref.groupId())) {
                return group.max() != null && group.max() == 1;
            }
        }
        return false;
    }

    boolean hasMeasure(Measure measure) {
        return measures.contains(measure);
    }

    /** Whether anything on the menu is sold by this unit: an option's measure or an item's pack size. */
    boolean sellsBy(String unit) {
        return measures.stream().anyMatch(m -> m.unit().equals(unit))
                || packSizes.values().stream().anyMatch(m -> m.unit().equals(unit));
    }

    /** How many tokens from {@code from} say again the pack size the item's name holds ("2 pcs"), 0 if none. */
    int packSizeSaid(String itemId, String[] tokens, int from) {
        Measure pack = packSizes.get(itemId);
        Measure.At said = pack == null ? null : Measure.at(lexicon, tokens, from);
        return said != null && said.measure().equals(pack) ? said.length() : 0;
    }

    /**
     * Menu words that differ only by a doubled letter are one word spelt two ways ("dr peper" and
     * "pepper" in one catalog): each is read as the spelling most of the menu's phrases use, so a
     * misspelt alias does not pull a typo ("pepers") away from the word it was meant as.
     */
    private static Map<String, String> sameWords(Menu menu, Lexicon lexicon) {
        Map<String, Integer> uses = new HashMap<>();
        for (Menu.Category category : menu.categories()) {
            for (Menu.Item item : category.items()) {
                List<String> phrases = new ArrayList<>(names(item.name(), item.aliases()));
                for (Menu.OptionGroup group : item.optionGroups()) {
                    for (Menu.Option option : group.options()) {
                        phrases.addAll(names(option.name(), option.aliases()));
                    }
                }
                for (String phrase : phrases) {
                    for (String token : singular(lexicon.normalizer.tokens(phrase))) {
                        uses.merge(token, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, List<String>> byKey = new HashMap<>();
        // numbers are never one spelt two ways: 20 oz is not 200 ml
        uses.keySet().stream()
                .filter(w -> !w.chars().allMatch(Character::isDigit))
                .forEach(w -> byKey.computeIfAbsent(TextNormalizer.withoutDoubledLetters(w), k -> new ArrayList<>())
                        .add(w));
        Map<String, String> result = new HashMap<>();
        for (List<String> spellings : byKey.values()) {
            if (spellings.size() > 1) {
                String main = spellings.stream()
                        .max(Comparator.comparingInt((String w) -> uses.get(w))
                                .thenComparing(Comparator.naturalOrder()))
                        .orElseThrow();
                spellings.stream().filter(w -> !w.equals(main)).forEach(w -> result.put(w, main));
            }
        }
        return Map.copyOf(result);
    }

    private void addPairs(String[] tokens) {
        for (int k = 0; k + 1 < tokens.length; k++) {
            pairs.add(tokens[k] + ' ' + tokens[k + 1]);
            wordsBefore.computeIfAbsent(tokens[k + 1], w -> new HashSet<>()).add(tokens[k]);
            wordsAfter.computeIfAbsent(tokens[k], w -> new HashSet<>()).add(tokens[k + 1]);
        }
    }

    private String[] unified(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = spellingOf.getOrDefault(tokens[i], tokens[i]);
        }
        return tokens;
    }

    /**
     * The menu word a word of another script stands for ("बटर" for butter): its romanisation's sound
     * key, exactly, or one edit away when the key is long enough to be distinctive.
     */
    private String acrossScripts(String word) {
        String latin = ScriptKeys.latin(word);
        String key = ScriptKeys.key(latin);
        List<String> exact = wordsBySoundKey.get(key);
        if (exact == null && ScriptKeys.ignoresVoicing(word)) {
            key = ScriptKeys.unvoiced(key);
            exact = wordsByUnvoicedKey.get(key);
        }
        if (exact != null) {
            // "लस्सी" is "lassi", not "less" with the same key; among spellings about as close
            // ("chikan": chiken, chicken) the word most phrases use, not a misspelt alias
            LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
            int closest =
                    exact.stream().mapToInt(w -> distance.apply(latin, w)).min().orElse(0);
            return exact.stream()
                    .filter(w -> distance.apply(latin, w) <= closest + 1)
                    .findFirst()
                    .orElse(null);
        }
        if (key.length() < 4) {
            return null;
        }
        String best = null;
        for (var entry : wordsBySoundKey.entrySet()) {
            if (Math.abs(entry.getKey().length() - key.length()) <= 1 && WITHIN_ONE.apply(key, entry.getKey()) >= 0) {
                if (best != null) {
                    return null; // two menu words as close: not a match
                }
                best = entry.getValue().getFirst();
            }
        }
        return best;
    }

    /** Each word's menu reading ({@code null} where a word has none), for passes that look at a whole sentence. */
    String[] canonical(String[] words) {
        String[] read = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            read[i] = canonical(words[i]);
        }
        return read;
    }

    /**
     * The menu word a message word stands for: itself, its singular, or the closest menu word when
     * it looks misspelt (same first letter, at most 1 edit up to 5 letters, 2 beyond); null if none.
     */
    String canonical(String word) {
        String singular = TextNormalizer.singular(word);
        String unified = spellingOf.get(singular);
        if (unified != null) {
            return unified;
        }
        if (vocabulary.contains(singular)) {
            return singular;
        }
        if (vocabulary.contains(word)) {
            return word;
        }
        String single = TextNormalizer.withoutDoubledLetters(singular);
        if (!single.equals(singular) && vocabulary.contains(single) && !protectedWords.test(word)) {
            return single; // "piee", "hamm"
        }
        // a plural with a key held down: "onionsss", "oniionss"
        String singleSingular = TextNormalizer.singular(TextNormalizer.withoutDoubledLetters(word));
        if (!singleSingular.equals(singular) && vocabulary.contains(singleSingular) && !protectedWords.test(word)) {
            return singleSingular;
        }
        boolean otherScript = ScriptKeys.isOtherScript(word);
        if (!otherScript && word.length() < SpellIndex.MIN_LENGTH
                || protectedWords.test(word)
                || !Character.isLetter(word.charAt(0))) {
            return null;
        }
        String memo = fuzzyMemo.get(word);
        if (memo != null) {
            return memo.isEmpty() ? null : memo;
        }
        String found = otherScript ? acrossScripts(word) : closestWord(word);
        if (found == null && !otherScript) {
            found = heldKeyWord(word); // "veggiee": one run undone, not the double "veggie" is spelt with
        }
        if (found == null && !otherScript && !singleSingular.equals(singular) && singleSingular.length() > SHORT_WORD) {
            found = closestWord(singleSingular); // "oninoss": onion
        }
        if (fuzzyMemo.size() > FUZZY_MEMO_LIMIT) {
            fuzzyMemo.clear();
        }
        fuzzyMemo.put(word, found == null ? "" : found);
        return found;
    }

    /** The menu word a word is with one run of a held-down key undone, or null. */
    private String heldKeyWord(String word) {
        for (String variant : TextNormalizer.heldKeyVariants(word)) {
            String singular = TextNormalizer.singular(variant);
            if (vocabulary.contains(singular)) {
                return singular;
            }
        }
        return null;
    }

    /**
     * Whether a word is a slip from a menu word costing at most half of what a word that long may
     * carry ("mushroomms", "pieapple"): less than a letter of another word, so a reading as a name
     * or as two words run together explains it worse.
     */
    boolean cheapSlipOfMenuWord(String word) {
        SpellIndex.Match match = spellingMatch(word);
        // a name that loses letters to become a menu word ("peppa": pea) is no slip of it
        return match != null
                && TextNormalizer.singular(word).length() - match.word().length() <= 1
                && match.cost()
                        <= SpellIndex.budget(
                                        Math.max(word.length(), match.word().length()))
                                / 2;
    }

    /** The items whose names use every one of these menu words. */
    Set<String> itemsNamedBy(String[] canonical, int start, int end) {
        Set<String> items = null;
        for (int k = start; k < end; k++) {
            Set<String> using = canonical[k] == null ? null : itemsByWord.get(canonical[k]);
            if (using == null) {
                return Set.of();
            }
            if (items == null) {
                items = new LinkedHashSet<>(using);
            } else {
                items.retainAll(using);
            }
        }
        return items == null ? Set.of() : items;
    }

    /** The items closest in spelling to an unknown span, best first. */
    List<String> closestItems(String span, int limit) {
        record Scored(String itemId, double score) {}
        return itemsById.values().stream()
                .map(item -> new Scored(
                        item.id(),
                        Stream.concat(Stream.of(item.name()), item.aliases().stream())
                                .mapToDouble(name -> JARO_WINKLER.apply(span, name.toLowerCase(Locale.ROOT)))
                                .max()
                                .orElse(0)))
                .filter(s -> s.score() >= 0.6)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(limit)
                .map(Scored::itemId)
                .toList();
    }

    private String closestWord(String word) {
        SpellIndex.Match match = spellingMatch(word);
        return match == null ? null : match.word();
    }

    /**
     * The menu word a misspelt word is closest to, with its typing cost, or null. A misspelt plural
     * is also tried without its "s" ("peis", "olies"), with the budget of the plural typed.
     */
    SpellIndex.Match spellingMatch(String word) {
        if (word.length() < SpellIndex.MIN_LENGTH) {
            return null;
        }
        String singular = TextNormalizer.singular(word);
        SpellIndex.Match match = spelling.closest(singular);
        if (typedPlural(word)) {
            SpellIndex.Match stem = spelling.closestPlural(word.substring(0, word.length() - 1));
            if (stem != null && (match == null || stem.cost() < match.cost())) {
                match = stem;
            }
        }
        return match;
    }

    /**
     * Whether a word ends as a plural whose stem is worth a look of its own: its singular may be
     * a misspelling's ("olies" is not "oly", "oins" is onions), weighed as the longer word typed.
     */
    private static boolean typedPlural(String word) {
        return word.length() > SpellIndex.MIN_LENGTH && word.endsWith("s") && !word.endsWith("ss");
    }

    /** The menu words a misspelt word may be read as, cheapest first (its singular, and without a plural "s"). */
    List<SpellIndex.Match> spellingCandidates(String word, int limit) {
        if (word.length() < SpellIndex.MIN_LENGTH) {
            return List.of();
        }
        String singular = TextNormalizer.singular(word);
        List<SpellIndex.Match> found = new ArrayList<>(spelling.within(singular, limit));
        if (typedPlural(word)) {
            for (SpellIndex.Match stem : spelling.withinPlural(word.substring(0, word.length() - 1), limit)) {
                found.removeIf(m -> m.word().equals(stem.word()) && m.cost() > stem.cost());
                if (found.stream().noneMatch(m -> m.word().equals(stem.word()))) {
                    found.add(stem);
                }
            }
            found.sort(Comparator.comparingDouble(SpellIndex.Match::cost));
        }
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /** Whether two menu words follow each other in one of the menu's names ("thin crust", "diet coke"). */
    boolean followEachOther(String first, String second) {
        return pairs.contains(first + ' ' + second);
    }

    /** The words that stand right before a menu word in one of the menu's names ("crust": thin, thick). */
    Set<String> wordsBefore(String word) {
        return wordsBefore.getOrDefault(word, Set.of());
    }

    /** Whether a menu word is a word of an option's name (not only of an item's). */
    boolean isOptionWord(String word) {
        return optionWords.contains(word);
    }

    /**
     * Whether a menu word only names things added to a dish (toppings), never an item or a pick
     * such as a size: no count stands right before one.
     */
    boolean onlyAddOnWord(String word) {
        return addOnWords.contains(word) && !pickWords.contains(word) && !itemsByWord.containsKey(word);
    }

    /** The one menu word a word is within reach of with a second slip allowed, or null (see {@link SpellIndex#onlyWithin}). */
    SpellIndex.Match onlyMenuWordNear(String word, double slack) {
        return word.length() < SpellIndex.MIN_LENGTH ? null : spelling.onlyWithin(TextNormalizer.singular(word), slack);
    }

    /** Longest menu word a real word of two or three letters may have been meant as ("am", "jam": ham). */
    private static final int SHORT_WORD = 4;

    /** The menu words of up to four letters within {@code reach} typing cost of a short word, cheapest first. */
    List<SpellIndex.Match> shortMenuWordsNear(String word, double reach) {
        return within(
                shortWords, word, reach, known -> known.charAt(known.length() - 1) == word.charAt(word.length() - 1));
    }

    /** The words of picks (sizes, crusts, styles) within {@code reach} typing cost of a word, cheapest first. */
    List<SpellIndex.Match> pickWordsWithin(String word, double reach) {
        return within(pickWords, word, reach, known -> true);
    }

    /**
     * The one word that follows {@code word} in one of the menu's names ("crust" after "thin")
     * within {@code edits} Damerau-Levenshtein edits of {@code typed}, or null when none or several are.
     */
    String onlyWordAfterWithin(String word, String typed, int edits) {
        var distance = new DamerauLevenshteinDistance(edits);
        String found = null;
        for (String after : wordsAfter.getOrDefault(word, Set.of())) {
            if (Math.abs(after.length() - typed.length()) <= edits && distance.apply(typed, after) >= 0) {
                if (found != null) {
                    return null;
                }
                found = after;
            }
        }
        return found;
    }

    /**
     * Whether a menu word only opens names of several words and names nothing as a word of its own
     * ("cherry", "diet"): a word typed right after it is one of the words that follow it.
     */
    boolean opensNamesOnly(String word) {
        return wordsAfter.containsKey(word) && namesNoOptionOrItem(word);
    }

    /** Whether a menu word only closes names of several words ("crust"): the word before it is one of their heads. */
    boolean closesNamesOnly(String word) {
        return !wordsBefore(word).isEmpty() && namesNoOptionOrItem(word);
    }

    private boolean namesNoOptionOrItem(String word) {
        String[] one = {word};
        return options.longest(one, 0) == null && items.longest(one, 0) == null;
    }

    /** Whether a word names an option by itself, not only inside a longer name ("sun" of "sun dried tomatoes"). */
    private boolean namesAlone(String word) {
        return options.longest(new String[] {word}, 0) != null
                || onlyOptionEndingWith(word) != null
                || onlyOptionStartingWith(word) != null;
    }

    /**
     * The one word that only names things added to a dish (a topping's) within {@code edits}
     * Damerau-Levenshtein edits of a word, or of several the one clearly the cheapest to type; null
     * when none is, or several are about as near.
     */
    String onlyAddOnWordWithin(String word, int edits) {
        String key = edits + word;
        String memo = addOnMemo.get(key);
        if (memo == null) {
            if (addOnMemo.size() > FUZZY_MEMO_LIMIT) {
                addOnMemo.clear();
            }
            String found = findAddOnWordWithin(word, edits);
            memo = found == null ? "" : found;
            addOnMemo.put(key, memo);
        }
        return memo.isEmpty() ? null : memo;
    }

    private String findAddOnWordWithin(String word, int edits) {
        var distance = new DamerauLevenshteinDistance(edits);
        String found = null;
        int near = 0;
        double cheapest = Double.MAX_VALUE;
        double next = Double.MAX_VALUE;
        for (String known : addOnWords) {
            if (Math.abs(known.length() - word.length()) <= edits
                    && distance.apply(word, known) >= 0
                    && onlyAddOnWord(known)
                    && namesAlone(known)) {
                // as many edits from two toppings: the one a hurried thumb types within one slip's
                // cost, and far more cheaply than the rest, is meant ("tina": tuna by a key beside,
                // not thin by a dropped h)
                double cost = TypedWords.cost(word, known, 2 * edits);
                near++;
                if (found == null || cost < cheapest) {
                    next = cheapest;
                    cheapest = cost;
                    found = known;
                } else {
                    next = Math.min(next, cost);
                }
            }
        }
        if (near == 1) {
            return found;
        }
        if (cheapest > SpellIndex.OTHER_KEY || next - cheapest < CLEARLY_CHEAPER) {
            return null; // "thugh": high by two slips is no clearer than dough by three
        }
        // ... and more cheaply than a word of a dish's name ("pia": pizza's pie as near as peas)
        for (String dish : itemsByWord.keySet()) {
            if (SpellIndex.cost(word, dish, cheapest + CLEARLY_CHEAPER - 1e-6) >= 0) {
                return null;
            }
        }
        return found;
    }

    /** How much cheaper to type one topping must be than any other as many edits away to be read. */
    private static final double CLEARLY_CHEAPER = SpellIndex.NEIGHBOUR_KEY;

    /** The menu words of three or four letters within {@code reach} typing cost of a word, cheapest first. */
    List<SpellIndex.Match> shortWordsWithin(String word, double reach) {
        return within(shortWords, word, reach, known -> true);
    }

    private static List<SpellIndex.Match> within(
            Collection<String> words, String word, double reach, Predicate<String> fits) {
        List<SpellIndex.Match> found = new ArrayList<>();
        for (String known : words) {
            double cost = SpellIndex.cost(word, known, reach);
            if (cost >= 0 && fits.test(known)) {
                found.add(new SpellIndex.Match(known, cost, JARO_WINKLER.apply(word, known), 0));
            }
        }
        found.sort(Comparator.comparingDouble(SpellIndex.Match::cost));
        return found;
    }

    /** The one three-letter menu word a two-letter word is a slip or two from ("hm", "jm": ham), or null. */
    String onlyShortWordNear(String word) {
        String found = null;
        for (String known : threeLetterWords) {
            if (SpellIndex.cost(word, known, SpellIndex.MISSING_LETTER + SpellIndex.NEIGHBOUR_KEY) >= 0) {
                if (found != null) {
                    return null;
                }
                found = known;
            }
        }
        return found;
    }

    /**
     * The options of the one option name of several words that ends with this word ("vinegar" for
     * red wine vinegar), or null when no name or several different ones end so.
     */
    List<OptionRef> onlyOptionEndingWith(String word) {
        return onlyOption(optionsByHead.get(word));
    }

    /** The options of the one option name of several words that starts with this word ("caramel"), or null. */
    List<OptionRef> onlyOptionStartingWith(String word) {
        return onlyOption(optionsByFirst.get(word));
    }

    /**
     * How many words from {@code from} open option names of one option only, and are not a whole
     * name ("gluten free" of "gluten free crust"): 0 when none or several options do.
     */
    int onlyOptionOpening(String[] canonical, int from) {
        Map<String, List<OptionRef>> names = optionsByFirst.get(canonical[from]);
        if (onlyOption(names) == null) {
            return 0;
        }
        int longest = 0;
        for (String name : names.keySet()) {
            String[] words = name.split(" ");
            int n = 0;
            while (n < words.length - 1 && from + n < canonical.length && words[n].equals(canonical[from + n])) {
                n++;
            }
            longest = Math.max(longest, n);
        }
        return longest;
    }

    private static List<OptionRef> onlyOption(Map<String, List<OptionRef>> names) {
        if (names == null || names.values().stream().map(Set::copyOf).distinct().count() != 1) {
            return null;
        }
        return names.values().iterator().next();
    }

    /** Shortest clipped word read as the menu word it starts ("mayo"); "med" is too short to tell. */
    private static final int MIN_CLIPPED = 4;

    /**
     * The one menu word at least two letters longer that starts with this word ("mayo":
     * mayonnaise), or null when none or several do.
     */
    String onlyWordStartingWith(String word) {
        if (word.length() < MIN_CLIPPED) {
            return null;
        }
        String found = null;
        for (String known : vocabulary) {
            if (known.length() >= word.length() + 2 && known.startsWith(word)) {
                if (found != null) {
                    return null;
                }
                found = known;
            }
        }
        return found;
    }

    /** Whether a word is one of the menu's words as it is (or as its singular). */
    /**
     * The menu's words for a line as ordered, as the index spells them: its item's name and aliases
     * and the names and aliases of its options ("mango", "lassi"; "large").
     */
    Set<String> wordsOf(String itemId, List<io.tiffin.nlu.ParseResult.ChosenOption> chosen, TextNormalizer normalizer) {
        Menu.Item item = itemsById.get(itemId);
        if (item == null) {
            return Set.of();
        }
        List<String> phrases = new ArrayList<>(names(item.name(), item.aliases()));
        for (var option : chosen) {
            item.group(option.groupId())
                    .flatMap(g -> g.option(option.optionId()))
                    .ifPresent(o -> phrases.addAll(names(o.name(), o.aliases())));
        }
        Set<String> words = new HashSet<>();
        for (String phrase : phrases) {
            words.addAll(List.of(unified(singular(normalizer.tokens(phrase)))));
        }
        return words;
    }

    /** Whether a word of the menu is known only from an alias, no word of any name ("chiken" of "butter chiken"). */
    boolean onlyInAliases(String word) {
        return aliasWords.contains(word) && !nameWords.contains(word);
    }

    /** Whether a word is one of the menu's own names, an item's or an option's. */
    boolean isNameWord(String word) {
        return nameWords.contains(word);
    }

    boolean isMenuWord(String word) {
        return vocabulary.contains(word) || vocabulary.contains(TextNormalizer.singular(word));
    }

    private static List<String> names(String name, List<String> aliases) {
        List<String> names = new ArrayList<>();
        names.add(withoutPackSize(name));
        aliases.forEach(alias -> names.add(withoutPackSize(alias)));
        return names;
    }

    /** A bracketed part of a name holding a number: a pack size or measure ("(2 pcs)", "(500 ml)"). */
    private static final Pattern PACK_SIZE = Pattern.compile("\\s*\\([^()]*\\d[^()]*\\)");

    /**
     * A name without its pack size: "Veg Samosa (2 pcs)" is ordered as "veg samosa", and the number
     * describes the item, so it is no word the customer types and takes no count ("2 veg samosa").
     */
    static String withoutPackSize(String name) {
        String stripped = PACK_SIZE.matcher(name).replaceAll("").strip();
        return stripped.isEmpty() ? name : stripped;
    }

    private static String[] singular(String[] tokens) {
        String[] result = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            result[i] = TextNormalizer.singular(tokens[i]);
        }
        return result;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        var all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
