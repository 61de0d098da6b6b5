package io.tiffin.conversation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The words of cart edits the parser does not read as such: corrections ("make it 3", "3 instead
 * of 2") and asking for the last order again ("same again"). Kept with the parser's word lists in
 * {@code nlu-models/lexicons/} so they can be extended without touching Java.
 */
final class EditPhrases {

    private static final String LOCATION = "nlu-models/lexicons/";

    private final List<String> corrections;
    private final List<String> repeats;
    private final Map<String, Integer> numbers;

    EditPhrases(List<String> corrections, List<String> repeats, Map<String, Integer> numbers) {
        this.corrections = List.copyOf(corrections);
        this.repeats = List.copyOf(repeats);
        this.numbers = Map.copyOf(numbers);
    }

    static EditPhrases load() {
        ClassLoader loader = EditPhrases.class.getClassLoader();
        List<String> articles = lines(loader, "articles.txt");
        Map<String, Integer> numbers = new HashMap<>();
        for (String line : lines(loader, "numbers.txt")) {
            String[] pair = line.split("=", 2);
            String word = pair[0].strip();
            // only one-word counts; an article ("a large") is no quantity
            if (pair.length == 2 && !word.contains(" ") && !articles.contains(word)) {
                numbers.put(word, Integer.valueOf(pair[1].strip()));
            }
        }
        return new EditPhrases(lines(loader, "corrections.txt"), lines(loader, "repeat-order.txt"), numbers);
    }

    /** Lowercase words separated by single spaces, with a space at both ends for whole-word matching. */
    static String normalize(String text) {
        String words = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}]+", " ").strip();
        return " " + words + " ";
    }

    boolean isCorrection(String text) {
        return containsAny(normalize(text), corrections);
    }

    boolean isRepeat(String text) {
        return containsAny(normalize(text), repeats);
    }

    /** The new quantity a correction names: the first count, skipping the old one of "instead of 2". */
    OptionalInt quantity(String text) {
        String t = normalize(text).replaceAll(" instead of \\S+ ", " ");
        for (String word : t.strip().split(" ")) {
            Integer n = word.matches("\\d{1,2}") ? Integer.valueOf(word) : numbers.get(word);
            if (n != null && n >= 1 && n <= 99) {
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.empty();
    }

    private static boolean containsAny(String normalized, List<String> phrases) {
        return phrases.stream().anyMatch(p -> normalized.contains(" " + p + " "));
    }

    private static List<String> lines(ClassLoader loader, String file) {
        try (InputStream in = loader.getResourceAsStream(LOCATION + file)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon " + LOCATION + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT))
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
