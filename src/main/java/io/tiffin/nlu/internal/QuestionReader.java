package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.ParseResult.Question;
import io.tiffin.nlu.ParseResult.Reference;
import io.tiffin.nlu.ParseResult.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a question about the menu: the price of something ("how much is biryani", "price of garlic
 * naan?"), what carries a dietary tag ("what's vegetarian", "is the chicken 65 spicy"), what an item
 * comes with, and what is available. What remains once the question's own words are left out is
 * what it asks about.
 */
final class QuestionReader {

    private static final org.apache.commons.text.similarity.LevenshteinDistance SLIPS =
            org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();

    private static final List<Topic> PRIORITY = List.of(Topic.PRICE, Topic.AVAILABLE, Topic.CONTENTS);

    private final TurnLexicon words;
    private final References references;

    QuestionReader(TurnLexicon words, References references) {
        this.words = words;
        this.references = references;
    }

    Optional<Question> read(String text, String[] t, MenuIndex index, Function<String[], ParseResult> order) {
        boolean asked = text != null && text.contains("?");
        List<String> rest = new ArrayList<>();
        // the words asked about split at list joins ("gulab jamun | and | kulfi"), each dish of a list
        List<List<String>> parts = new ArrayList<>(List.of(new ArrayList<>()));
        boolean listed = true;
        Topic topic = null;
        String tag = null;
        boolean aboutSomething = false;
        for (int k = 0; k < t.length; k++) {
            aboutSomething |= words.at("NAMES_SUBJECT", t, k) > 0;
            var dietary = words.tags.longest(t, k);
            // "veg" in "veg biryani" is part of a name, not a question about tags
            if (dietary != null && tag == null && !isItemWord(index, t, k + dietary.length())) {
                tag = dietary.value();
                k += dietary.length() - 1;
                continue;
            }
            Topic here = topicAt(t, k);
            if (here != null) {
                topic = topic == null || PRIORITY.indexOf(here) < PRIORITY.indexOf(topic) ? here : topic;
                int length = Math.max(words.at(here.name(), t, k), 1);
                asked = true;
                k += length - 1;
                continue;
            }
            asked |= k == 0 && words.is("ASK", t[k]);
            if (t[k].equals(",")
                    || words.lexicon.listJoins.contains(t[k])
                    || words.lexicon.alternatives.contains(t[k])) {
                // "mac and cheese", "fish & chips": a join word of a dish's name joins nothing; "the
                // biryani or the naan" asks about each as much as "the biryani and the naan" does
                listed &= !isItemWord(index, t, k);
                parts.add(new ArrayList<>());
            } else if (!words.is("GLUE", t[k]) && !(words.is("ASK", t[k]) && index.canonical(t[k]) == null)) {
                // "which is cheaper, the naan or the roti": "which" asks, it names no dish of the list
                parts.getLast().add(t[k]);
            }
            if (!words.is("GLUE", t[k]) && !t[k].equals(",")) {
                rest.add(t[k]);
            }
        }
        if (tag != null && (asked || rest.isEmpty())) {
            topic = topic == Topic.PRICE ? Topic.PRICE : Topic.TAG;
        }
        if (topic == null || topic != Topic.PRICE && counts(rest, index)) {
            // "do you have 2 garlic naan": a count makes it an order
            return Optional.empty();
        }
        Set<String> spellings = tag == null ? Set.of() : words.tagSpellings.get(tag);
        String[] subject = rest.toArray(String[]::new);
        Reference about = references.read(subject, 0, subject.length, index, order);
        if (about.looseItemIds().isEmpty() && !about.span().isBlank()) {
            about = MenuCategories.asked(about, index);
        }
        List<Reference> each = listed ? each(parts, rest, topic, index, order) : List.of();
        if (about.span().isBlank() && (topic == Topic.TAG || topic == Topic.CONTENTS)) {
            // "is it spicy?", "whats in it": a pronoun asks about the line last ordered
            for (String word : t) {
                if (words.is("PRONOUN", word) && !word.equals("one") && !word.equals("ones")) {
                    about = new Reference(word, List.of(), List.of(), -1);
                    break;
                }
            }
        }
        if (topic == Topic.AVAILABLE && farFromTheMenu(about.span(), index)) {
            // "do you have a chicken burger": "burger" bent into "butter" must not answer yes
            about = new Reference(about.span(), List.of(), List.of(), null);
        }
        // "what is" and "whats" ask about something only when they name it ("whats in a biryani")
        if (topic == Topic.CONTENTS && about.looseItemIds().isEmpty()) {
            // "what comes with the thali" asks about a dish, though the menu has none by that name
            return aboutSomething && !about.span().isBlank()
                    ? Optional.of(new Question(topic, about, tag, spellings, each))
                    : Optional.empty();
        }
        if (!about.span().isBlank() && about.looseItemIds().isEmpty() && topic != Topic.TAG) {
            // words left that name nothing on the menu: a question about something else
            return topic == Topic.AVAILABLE || topic == Topic.PRICE
                    ? Optional.of(new Question(topic, about, tag, spellings, each))
                    : Optional.empty();
        }
        return Optional.of(new Question(topic, about, tag, spellings, each));
    }

    /**
     * "do you have gulab jamun and kulfi", "how much are the biryani, the naan and the lassi": each
     * dish of a list asked about, in the order said, so that each is answered (a sold-out or unknown
     * one too). Empty when one thing is asked: a single part, a part with no words ("what's veg and
     * spicy"), or words the order reading takes as one dish ("biryani and raita", raita an add-on),
     * unless a part has no word of the menu at all ("rasmalai and sushi": the sushi is answered too).
     */
    private List<Reference> each(
            List<List<String>> parts,
            List<String> rest,
            Topic topic,
            MenuIndex index,
            Function<String[], ParseResult> order) {
        // "which is cheaper, the naan or the roti": the words before the list asked only
        if (parts.size() > 2 && parts.getFirst().isEmpty()) {
            parts = parts.subList(1, parts.size());
        }
        if (parts.size() < 2 || parts.stream().anyMatch(List::isEmpty)) {
            return List.of();
        }
        ParseResult whole = order.apply(rest.toArray(String[]::new));
        boolean unknownPart = parts.stream().anyMatch(p -> p.stream().allMatch(w -> index.canonical(w) == null));
        if (whole.lines().size() + whole.unresolved().size() < 2 && !unknownPart) {
            return List.of();
        }
        List<Reference> each = new ArrayList<>();
        for (List<String> part : parts) {
            String[] words = part.toArray(String[]::new);
            Reference about = references.read(words, 0, words.length, index, order);
            if (about.looseItemIds().isEmpty()) {
                about = MenuCategories.asked(about, index);
            }
            if (topic == Topic.AVAILABLE && farFromTheMenu(about.span(), index)) {
                about = new Reference(about.span(), List.of(), List.of(), null);
            }
            each.add(about);
        }
        return each;
    }

    /**
     * Whether a word asked about reads as a menu word only by more than one slip: in a question
     * whether we have something, such a reading answers "yes" about a different dish.
     */
    private static boolean farFromTheMenu(String span, MenuIndex index) {
        for (String word : span.split(" ")) {
            if (word.isEmpty() || ScriptKeys.isOtherScript(word) || !Character.isLetter(word.charAt(0))) {
                continue;
            }
            String canonical = index.canonical(word);
            if (canonical != null
                    && !canonical.equals(word)
                    && !canonical.equals(TextNormalizer.singular(word))
                    && SLIPS.apply(word, canonical) > 1) {
                return true;
            }
        }
        return false;
    }

    /** The strongest topic whose phrase starts here: a price, then availability, then contents. */
    private Topic topicAt(String[] t, int k) {
        for (Topic topic : PRIORITY) {
            if (words.at(topic.name(), t, k) > 0) {
                return topic;
            }
        }
        return null;
    }

    /** A count among the words asked about that is not part of a name ("chicken 65"). */
    private boolean counts(List<String> rest, MenuIndex index) {
        String[] t = rest.toArray(String[]::new);
        for (int k = 0; k < t.length; k++) {
            if (words.count(t, k, t.length) != null && !t[k].equals("one") && !isItemWord(index, t, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isItemWord(MenuIndex index, String[] t, int k) {
        if (k >= t.length) {
            return false;
        }
        String canonical = index.canonical(t[k]);
        return canonical != null && index.itemsByWord.containsKey(canonical);
    }
}
