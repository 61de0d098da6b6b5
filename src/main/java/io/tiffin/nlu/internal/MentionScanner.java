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

/**
 * Reads a message's tokens left to right into mentions. Menu phrases are tried first and the
 * longest wins, so "do pyaza" stays a dish while "do naan" is two naans, and "chicken 65" is not
 * 65 chickens.
 */
final class MentionScanner {

    private static final int MAX_QUANTITY = 999;

    private final Lexicon lexicon;

    MentionScanner(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The message's tokens, their menu words (null where none) and its mentions. */
    record Scan(String[] tokens, String[] canonical, List<Mention> mentions) {}

    Scan scan(String[] tokens, MenuIndex index) {
        String[] canonical = new String[tokens.length];
        boolean[] fuzzy = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            canonical[i] = index.canonical(tokens[i]);
            fuzzy[i] = canonical[i] != null
                    && !canonical[i].equals(TextNormalizer.singular(tokens[i]))
                    && !canonical[i].equals(tokens[i]);
        }
        forgetBreadNames(tokens, canonical, index);
        List<Mention> mentions = new ArrayList<>();
        List<String> lastItems = List.of();
        int i = 0;
        while (i < tokens.length) {
            var rest = lexicon.restOfLine.longest(tokens, i);
            if (rest != null && index.options.longest(canonical, i) == null) {
                // "... and the other with sausage": a count of what is left of the line (read by the assembler)
                mentions.add(new Quantity(i, i + rest.length(), Quantity.REST, true));
                lastItems = List.of();
                i += rest.length();
                continue;
            }
            if (lexicon.another.contains(tokens[i]) && i + 1 < tokens.length && canonical[i + 1] != null) {
                // "... and another small thin crust with bacon": one more line
                mentions.add(new Quantity(i, i + 1, 1, true));
                lastItems = List.of();
                i++;
                continue;
            }
            Mention counted = countedOption(tokens, canonical, i, index);
            if (counted != null) {
                mentions.add(counted);
                i = counted.end();
                continue;
            }
            Mention mention = menuPhrase(tokens, canonical, fuzzy, i, index, lastItems);
            var number = lexicon.numbers.longest(tokens, i);
            Mention word = lexiconWord(tokens, i);
            int menuLength = mention == null ? 0 : mention.end() - i;
            int numberLength = number == null ? 0 : number.length();
            // a phrase of the lexicons longer than any menu phrase or number here wins: "a lot of",
            // "do not add" are not the number "a" or "do"
            int wordLength = word instanceof QualifierWord || word instanceof Separator ? word.end() - i : 0;
            if (word instanceof QualifierWord q
                    && q.qualifier() == Qualifier.NO
                    && mention instanceof OptionMention
                    && menuLength < wordLength) {
                // "everything but mayo" where the menu has an option "everything": the option, then
                // the refusal that is the rest of the phrase
                mentions.add(mention);
                mention = new QualifierWord(mention.end(), word.end(), q.qualifier());
                mentions.add(mention);
                i = mention.end();
                continue;
            }
            if (wordLength > menuLength && wordLength > numberLength
                    || wordLength == menuLength
                            && mention instanceof OptionMention
                            && word instanceof QualifierWord q
                            && (qualifies(q, canonical, i + wordLength, index)
                                    || DegreeWords.beforeOtherOption(
                                            (OptionMention) mention, q, canonical, i + wordLength, index))) {
                // ... and "light foam" is a little foam where "light" is also a roast: a qualifier
                // word right before an option that takes it qualifies that option
                mention = word;
            } else if (number != null && number.length() > menuLength) {
                mention = new Quantity(i, i + number.length(), number.value(), true);
            } else if (mention == null && isCount(tokens[i])) {
                mention = new Quantity(i, i + 1, Integer.parseInt(tokens[i]), false);
            }
            if (mention == null) {
                mention = word;
            } else if (mention.end() - i == 1
                    && (mention instanceof OptionMention || mention instanceof ItemMention)
                    && lexicon.fillers.contains(tokens[i])
                    && !countedOrQualified(mentions)
                    && i + 1 < tokens.length
                    && lexicon.fillers.contains(tokens[i + 1])) {
                // "can i have": a menu word that is also an everyday word, followed by another, is
                // only the menu's when counted or qualified ("a can of coke"); "ice tea can" is too
                mention = word;
            }
            if (DegreeWords.beforePartOfAName(mention, tokens, canonical, index, lexicon)) {
                // "extra hot" where "hot" is only part of "hot chocolate": a note, no second drink
                mention = new Unknown(i, mention.end() + 1);
            }
            if (mention == null && canonical[i] != null && index.itemsByWord.containsKey(canonical[i])) {
                mention = partialItem(canonical, fuzzy, i, index);
                if (mention.end() - i == 1 && refusedOptionJustBefore(mentions, i)) {
                    // "no onion garlic": a word only part of a dish's name right after a refused
                    // option is refused with it, no Garlic Naan ordered
                    mention = new Unknown(i, i + 1);
                } else if (mention.end() - i == 1 && fuzzy[i] && !countedOrQualified(mentions)) {
                    // one misspelt word that is only part of a name ("dan" near "san pellegrino",
                    // "alre" near "ginger ale") is too little to order that item by
                    mention = null;
                } else if (mention.end() - i == 1
                        && !mentions.isEmpty()
                        && mentions.getLast() instanceof ItemMention named
                        && named.end() == i
                        && index.optionWordOf(canonical[i], named.itemIds())) {
                    // "2 coke bottles": a word of the coke's own options right after it is said of
                    // the coke, not part of another dish's name ("bottle of water")
                    mention = null;
                }
            }
            if (mention == null
                    && canonical[i] != null
                    && !index.itemsByWord.containsKey(canonical[i])
                    && i > 0
                    && (lexicon.separators.longest(tokens, i - 1) != null
                            || !mentions.isEmpty()
                                    && mentions.getLast() instanceof QualifierWord refused
                                    && refused.end() == i)) {
                // the last word of one option's name said alone in a list: "oil and vinegar"; or
                // refused or asked more of: "no salan" (mirchi salan)
                var refs = index.onlyOptionEndingWith(canonical[i]);
                if (refs != null) {
                    mention = new OptionMention(i, i + 1, refs, true);
                }
            }
            if (mention == null && canonical[i] != null && !index.itemsByWord.containsKey(canonical[i])) {
                // the first words of one option's name, all but its last, before the item or an
                // everyday name of the dish: "a gluten free pizza" (gluten free crust), "cold cut subs"
                int said = index.onlyOptionOpening(canonical, i);
                if (said > 1 && i + said <= tokens.length) {
                    var refs = index.onlyOptionStartingWith(canonical[i]);
                    boolean dish = i + said < tokens.length
                            && canonical[i + said] == null
                            && lexicon.dishNouns.contains(tokens[i + said]);
                    // ... or said as the last words of its part: "a white chip macadamia and a ..."
                    boolean last = closesPart(tokens, canonical, i + said);
                    if (refs != null
                            && (dish
                                    || last
                                    || i + said < tokens.length && modifies(refs, canonical, i + said, index))) {
                        mention = new OptionMention(i, i + said, refs, true);
                    }
                }
            }
            if (mention == null && canonical[i] != null && !index.itemsByWord.containsKey(canonical[i])) {
                // the first word of one option's name before what it is added to: "a caramel latte"
                // (caramel syrup), where the next word is the item or another kind of pick of it;
                // or said alone in a list: "with hazelnut and ..."
                var refs = index.onlyOptionStartingWith(canonical[i]);
                // ... or counted alone: "3 lattes: one vanilla, one hazelnut"; or after another pick of
                // the same item: "1 lg drip, 1 sm drip"
                boolean alone = i > 0
                        && (lexicon.separators.longest(tokens, i - 1) != null
                                || mentions.getLast() instanceof Quantity count && count.end() == i
                                || pickOfSameItemBefore(mentions, i, refs, index))
                        && closesPart(tokens, canonical, i + 1);
                boolean beforeDishNoun =
                        i + 1 < tokens.length && canonical[i + 1] == null && lexicon.dishNouns.contains(tokens[i + 1]);
                if (refs != null
                        && (alone
                                || beforeDishNoun
                                || i + 1 < canonical.length && modifies(refs, canonical, i + 1, index))) {
                    mention = new OptionMention(i, i + 1, refs, true);
                }
            }
            if (mention == null) {
                int end = i + 1;
                if (!mentions.isEmpty() && mentions.getLast() instanceof Unknown previous && previous.end() == i) {
                    mentions.removeLast();
                    mention = new Unknown(previous.start(), end);
                } else {
                    mention = new Unknown(i, end);
                }
            }
            if (mention instanceof Unknown unknown
                    && !mentions.isEmpty()
                    && mentions.getLast() instanceof ItemMention named
                    && named.partial()
                    && named.end() == i) {
                // "mango kulfi": a word of a menu item followed by words the menu does not know is
                // something else, not a mango lassi
                mentions.removeLast();
                mention = new Unknown(named.start(), unknown.end());
            }
            if (mention instanceof ItemMention item) {
                lastItems = item.itemIds();
            } else if (mention instanceof Quantity) {
                lastItems = List.of();
            }
            mentions.add(mention);
            i = mention.end();
        }
        return new Scan(tokens, canonical, mentions);
    }

    /**
     * Whether the part of the message ends at {@code at}: the end, a separator, or only courtesy
     * before either ("raspberry please", "hazelnut pls", "pico 👍").
     */
    private boolean closesPart(String[] tokens, String[] canonical, int at) {
        for (int k = at; k < tokens.length; k++) {
            if (lexicon.separators.longest(tokens, k) != null || opensCountedPart(tokens, canonical, k)) {
                return true;
            }
            boolean courtesy = lexicon.fillers.contains(tokens[k])
                    || lexicon.knownWords.contains(tokens[k]) && !lexicon.everyday.contains(tokens[k]);
            if (canonical[k] != null || lexicon.meansSomething(tokens[k]) || !courtesy) {
                return false;
            }
        }
        return true;
    }

    /**
     * "one with caramel one with vanilla": a count (no article) followed by a list word or a menu word
     * opens the next part of a split, as a list word would.
     */
    private boolean opensCountedPart(String[] tokens, String[] canonical, int k) {
        var count = lexicon.numbers.longest(tokens, k);
        if (count == null || lexicon.articles.contains(tokens[k])) {
            return false;
        }
        int next = k + count.length();
        return next < tokens.length && (lexicon.separators.longest(tokens, next) != null || canonical[next] != null);
    }

    /** Whether the menu phrase at {@code at} is an item offering these options, or a pick of the same item in another group. */
    private static boolean modifies(List<MenuIndex.OptionRef> refs, String[] canonical, int at, MenuIndex index) {
        var item = index.items.longest(canonical, at);
        if (item != null) {
            return refs.stream().anyMatch(r -> item.value().contains(r.itemId()));
        }
        var option = index.options.longest(canonical, at);
        return option != null
                && option.value().stream()
                        .anyMatch(o -> refs.stream()
                                .anyMatch(r -> r.itemId().equals(o.itemId())
                                        && !r.groupId().equals(o.groupId())));
    }

    /** Longest bread name read back from its bread word to "on"/"in". */
    private static final int BREAD_NAME = 6;

    /**
     * "a veggie on italian herbs and cheese bread": when the menu has no bread to choose, the words
     * from "on" to a bread word name the bread, so none of them is read as a dish or a topping.
     */
    private void forgetBreadNames(String[] tokens, String[] canonical, MenuIndex index) {
        for (int on = 0; on + 1 < tokens.length; on++) {
            if (!lexicon.breadsBefore.contains(tokens[on])) {
                continue;
            }
            // "on italian herbs and cheese", "on a honey oat": a bread named without "bread"
            int start = on + 1;
            if (lexicon.articles.contains(tokens[start]) && start + 1 < tokens.length) {
                start++;
            }
            var name = lexicon.breadNames.longest(tokens, start);
            var option = index.options.longest(canonical, start);
            if (name != null && (option == null || option.length() < name.length())) {
                java.util.Arrays.fill(canonical, start, start + name.length(), null);
            }
        }
        for (int end = 1; end < tokens.length; end++) {
            if (!lexicon.breads.contains(tokens[end]) || canonical[end] != null) {
                continue;
            }
            for (int start = end - 1; start >= Math.max(0, end - BREAD_NAME); start--) {
                if (lexicon.breadsBefore.contains(tokens[start])) {
                    if (!namesOneOption(tokens, canonical, start, end, index)) {
                        java.util.Arrays.fill(canonical, start + 1, end, null);
                    }
                    break;
                }
            }
        }
    }

    /**
     * "a double espresso", "a triple shot latte": a multiplier before a word of an option counted
     * that way ("two espresso shots") is that option. The word stays for its own reading when it
     * names something itself (the espresso), else it is part of the option ("shot").
     */
    private Mention countedOption(String[] tokens, String[] canonical, int i, MenuIndex index) {
        var multiplier = lexicon.multipliers.longest(tokens, i);
        int next = multiplier == null ? -1 : i + multiplier.length();
        if (next < 0 || next >= tokens.length || canonical[next] == null) {
            return null;
        }
        List<MenuIndex.OptionRef> refs = index.counted(multiplier.value(), canonical[next]);
        if (refs.isEmpty()) {
            refs = countedBeforeItem(multiplier.value(), canonical, i, next, index);
        }
        if (refs.isEmpty()) {
            return null;
        }
        boolean namesItself =
                index.items.longest(canonical, next) != null || index.options.longest(canonical, next) != null;
        return new OptionMention(i, namesItself ? next : next + 1, refs, false);
    }

    /** Whether a pick of an item these options belong to ends right at {@code i} ("lg" of "1 lg drip"). */
    private static boolean pickOfSameItemBefore(
            List<Mention> mentions, int i, List<MenuIndex.OptionRef> refs, MenuIndex index) {
        if (refs == null
                || mentions.isEmpty()
                || !(mentions.getLast() instanceof OptionMention before)
                || before.end() != i) {
            return false;
        }
        return before.options().stream()
                .anyMatch(b -> refs.stream()
                        .anyMatch(r -> r.itemId().equals(b.itemId())
                                // "two shots hazelnut": or another pick of a group of many picks
                                && (!r.groupId().equals(b.groupId()) || !index.onePick(r))));
    }

    /**
     * "a double latte": a multiplier before what names an item (or a pick of one) whose menu counts
     * one option that way ("two espresso shots") is that option, unless the multiplier is a word of
     * the name itself ("double cheeseburger").
     */
    private static List<MenuIndex.OptionRef> countedBeforeItem(
            int count, String[] canonical, int i, int next, MenuIndex index) {
        var named = index.items.longest(canonical, next);
        var picked = index.options.longest(canonical, next);
        if (canonical[i] != null
                && (index.items.longest(canonical, i) != null || index.options.longest(canonical, i) != null)) {
            return List.of();
        }
        Set<String> itemIds = new java.util.HashSet<>();
        if (named != null) {
            itemIds.addAll(named.value());
        } else if (picked != null) {
            picked.value().forEach(r -> itemIds.add(r.itemId()));
        }
        return itemIds.isEmpty() ? List.of() : index.countedOf(count, itemIds);
    }

    /**
     * Whether the words between "on" and a bread word are the whole name of an option of an item
     * named before them ("a club sandwich on brown bread" where the sandwich offers Brown): then the
     * menu has that choice, and they choose it. "a burger on a brown bun" chooses no sandwich's bread.
     */
    private boolean namesOneOption(String[] tokens, String[] canonical, int on, int end, MenuIndex index) {
        int from = on + 1;
        if (from < end - 1 && lexicon.articles.contains(tokens[from])) {
            from++;
        }
        var option = index.options.longest(canonical, from);
        if (option == null || from + option.length() != end) {
            return false;
        }
        Set<String> named = new java.util.HashSet<>();
        for (int k = 0; k < on; k++) {
            var item = index.items.longest(canonical, k);
            if (item != null) {
                named.addAll(item.value());
            }
        }
        return option.value().stream().anyMatch(r -> named.contains(r.itemId()));
    }

    private Mention menuPhrase(
            String[] tokens, String[] canonical, boolean[] fuzzy, int i, MenuIndex index, List<String> lastItems) {
        var item = index.items.longest(canonical, i);
        var option = index.options.longest(canonical, i);
        var exact = index.optionsAsWritten.longest(tokens, i);
        if (option != null && exact != null && exact.length() == option.length()) {
            // "pepper" and "peppers" can be different options: the words as written decide
            option = exact;
        }
        if (item == null && option == null) {
            return null;
        }
        boolean preferOption = item == null
                || option != null
                        && (option.length() > item.length()
                                || option.length() == item.length()
                                        && option.value().stream().anyMatch(o -> lastItems.contains(o.itemId())));
        if (preferOption) {
            return new OptionMention(i, i + option.length(), option.value(), anyFuzzy(fuzzy, i, option.length()));
        }
        return new ItemMention(i, i + item.length(), item.value(), false, anyFuzzy(fuzzy, i, item.length()));
    }

    /** Whether an option said at {@code at} is in a group that takes this qualifier ("light foam"). */
    private static boolean qualifies(QualifierWord q, String[] canonical, int at, MenuIndex index) {
        if (at >= canonical.length) {
            return false;
        }
        var next = index.options.longest(canonical, at);
        if (next == null) {
            return false;
        }
        String name = q.qualifier().name().toLowerCase(java.util.Locale.ROOT);
        return next.value().stream().anyMatch(ref -> {
            var item = index.itemsById.get(ref.itemId());
            return item != null
                    && item.group(ref.groupId())
                            .map(g -> g.qualifiers().contains(name))
                            .orElse(false);
        });
    }

    private Mention lexiconWord(String[] tokens, int i) {
        var qualifier = lexicon.qualifiers.longest(tokens, i);
        if (qualifier != null) {
            return new QualifierWord(i, i + qualifier.length(), qualifier.value());
        }
        var separator = lexicon.separators.longest(tokens, i);
        if (separator != null) {
            return new Separator(i, i + separator.length());
        }
        if (lexicon.fillers.contains(tokens[i]) || lexicon.quantityGlue.contains(tokens[i])) {
            return new Filler(i, i + 1, lexicon.quantityGlue.contains(tokens[i]));
        }
        return null;
    }

    /**
     * Words of item names without a whole name ("chicken", "tikka masala"): the items using all of
     * them, extended word by word while some item still uses every one.
     */
    private Mention partialItem(String[] canonical, boolean[] fuzzy, int start, MenuIndex index) {
        Set<String> candidates = new LinkedHashSet<>(index.itemsByWord.get(canonical[start]));
        int end = start + 1;
        while (end < canonical.length
                && index.itemsByWord.containsKey(canonical[end])
                && index.items.longest(canonical, end) == null) {
            Set<String> narrowed = new LinkedHashSet<>(candidates);
            narrowed.retainAll(index.itemsByWord.get(canonical[end]));
            if (narrowed.isEmpty()) {
                break;
            }
            candidates = narrowed;
            end++;
        }
        return new ItemMention(start, end, List.copyOf(candidates), true, anyFuzzy(fuzzy, start, end - start));
    }

    private static boolean refusedOptionJustBefore(List<Mention> mentions, int at) {
        int n = mentions.size();
        return n >= 2
                && mentions.get(n - 1) instanceof OptionMention option
                && option.end() == at
                && mentions.get(n - 2) instanceof QualifierWord refused
                && refused.qualifier() == Qualifier.NO
                && refused.end() == option.start();
    }

    private static boolean countedOrQualified(List<Mention> mentions) {
        return !mentions.isEmpty()
                && (mentions.getLast() instanceof Quantity || mentions.getLast() instanceof QualifierWord);
    }

    private static boolean anyFuzzy(boolean[] fuzzy, int from, int length) {
        for (int k = from; k < from + length; k++) {
            if (fuzzy[k]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCount(String token) {
        if (token.isEmpty() || token.length() > 3) {
            return false;
        }
        for (int k = 0; k < token.length(); k++) {
            if (token.charAt(k) < '0' || token.charAt(k) > '9') {
                return false;
            }
        }
        int value = Integer.parseInt(token);
        return value >= 1 && value <= MAX_QUANTITY;
    }
}
