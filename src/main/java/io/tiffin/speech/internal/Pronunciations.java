package io.tiffin.speech.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pronunciations for the words of a grammar: the engine's own dictionary (cmudict) first, then a
 * compound of two dictionary words ("chickpea"), then {@link LetterToSound}. The dictionary is read
 * once, on the first grammar built, not at startup.
 */
final class Pronunciations {

    private final Path dictionary;
    private volatile Map<String, List<String>> entries;

    Pronunciations(Path dictionary) {
        this.dictionary = dictionary;
    }

    /** Every way the word is said, as CMU phone strings; never empty. */
    List<String> of(String word) {
        return of(word, false);
    }

    /**
     * A menu word found in the dictionary may still be a dish name the dictionary reads as English
     * ("hara" as in "Harrah's"): with {@code spelled}, the spelling's readings are offered beside it.
     */
    List<String> of(String word, boolean spelled) {
        List<String> known = entries().get(word);
        if (known != null) {
            if (!spelled) {
                return known;
            }
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(known);
            all.addAll(LetterToSound.pronunciations(word));
            return List.copyOf(all);
        }
        // halves of four letters at least: "mak" + "hani" would make "makhani" an English word it is not
        for (int cut = 4; cut <= word.length() - 4; cut++) {
            List<String> head = entries().get(word.substring(0, cut));
            List<String> tail = entries().get(word.substring(cut));
            if (head != null && tail != null) {
                return List.of(head.get(0) + " " + tail.get(0));
            }
        }
        return LetterToSound.pronunciations(word);
    }

    boolean known(String word) {
        return entries().containsKey(word);
    }

    private Map<String, List<String>> entries() {
        Map<String, List<String>> loaded = entries;
        if (loaded == null) {
            synchronized (this) {
                if (entries == null) {
                    entries = load(dictionary);
                }
                loaded = entries;
            }
        }
        return loaded;
    }

    private static Map<String, List<String>> load(Path dictionary) {
        Map<String, List<String>> map = new HashMap<>(200_000);
        if (!Files.isReadable(dictionary)) {
            return map;
        }
        try (BufferedReader in = Files.newBufferedReader(dictionary, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int space = line.indexOf(' ');
                if (space <= 0) {
                    continue;
                }
                String word = line.substring(0, space);
                int variant = word.indexOf('(');
                word = variant > 0 ? word.substring(0, variant) : word;
                map.computeIfAbsent(word, w -> new ArrayList<>(1))
                        .add(line.substring(space + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
