package io.tiffin.nlu.internal;

import java.util.Set;

/**
 * The language a message shows: Devanagari, or Hindi written in Latin letters (Hinglish), is Hindi.
 * Anything else says nothing (null), because "2 butter naan" or a tapped button is no language.
 */
final class LanguageReader {

    static final String HINDI = "hi";

    private final Set<String> hinglish;

    LanguageReader(Set<String> hinglish) {
        this.hinglish = Set.copyOf(hinglish);
    }

    String of(String text, String[] tokens) {
        if (text == null) {
            return null;
        }
        if (text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.DEVANAGARI)) {
            return HINDI;
        }
        for (String token : tokens) {
            if (hinglish.contains(token)) {
                return HINDI;
            }
        }
        return null;
    }
}
