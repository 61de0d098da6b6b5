package io.tiffin.conversation.internal;

import java.util.Set;

/**
 * The language to answer in, from what the customer writes: Devanagari, or Hindi written in Latin
 * letters (Hinglish), is answered in Hindi. Anything else keeps the language the conversation has,
 * because "2 butter naan" or a tapped button says nothing about it.
 */
final class Languages {

    static final String HINDI = "hi";

    /**
     * Hinglish words that are not English words. "do" (two) is left out on purpose: "what do you
     * have" is English.
     */
    private static final Set<String> HINGLISH = Set.of("aur", "ek", "teen", "chahiye", "chaahiye", "bhaiya", "bhai",
            "kya", "hai", "hain", "mera", "meri", "mujhe", "humko", "hume", "dijiye", "dena", "karo", "kardo",
            "nahi", "nahin", "haan", "accha", "acha", "wala", "wali", "bhejo", "kitna", "kitne", "kab", "kahan");

    private Languages() {
    }

    static String of(String text, String current) {
        if (text == null) {
            return current;
        }
        if (text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.DEVANAGARI)) {
            return HINDI;
        }
        for (String word : EditPhrases.normalize(text).strip().split(" ")) {
            if (HINGLISH.contains(word)) {
                return HINDI;
            }
        }
        return current;
    }
}
