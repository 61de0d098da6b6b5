package io.tiffin.nlu.internal;

import io.tiffin.nlu.ParseResult.Intent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns the words left over after a line into a note for the kitchen: "with less ice" is "less
 * ice", "well done please" is "well done". Chatter is no note: fillers at the edges go, and words
 * that only say "yes", "thanks" or "that's it" leave nothing. Notes are plain text, at most
 * {@link #MAX_LENGTH} characters.
 */
final class LineNotes {

    static final int MAX_LENGTH = 140;

    private final Lexicon lexicon;
    /** Words of {@code note-edges.txt}: said first, or last, they are no part of a note. */
    private final Set<String> starts = new HashSet<>();

    private final Set<String> ends = new HashSet<>();

    LineNotes(Lexicon lexicon) {
        this.lexicon = lexicon;
        for (String line : Lexicon.lines(LineNotes.class.getClassLoader(), "note-edges.txt")) {
            int eq = line.lastIndexOf('=');
            String word = line.substring(0, eq).strip();
            (line.substring(eq + 1).strip().equals("START") ? starts : ends).add(word);
        }
    }

    /** The note these words make, or null. */
    String read(String[] words) {
        int from = 0;
        int to = words.length;
        while (from < to
                && (isEdge(words, from) && !lexicon.noteStarts.contains(words[from]) || starts.contains(words[from]))) {
            from++;
        }
        while (to > from && (isEdge(words, to - 1) || ends.contains(words[to - 1]))) {
            to--;
        }
        String[] note = Arrays.copyOfRange(words, from, to);
        if (note.length == 0 || onlyChatter(note)) {
            return null;
        }
        StringBuilder said = new StringBuilder();
        for (String word : note) {
            said.append(said.isEmpty() ? "" : " ").append(lexicon.donenessSaid.getOrDefault(word, word));
        }
        String text = said.toString();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH).strip() : text;
    }

    private boolean isEdge(String[] words, int i) {
        return lexicon.fillers.contains(words[i]) || lexicon.separators.longest(words, i) != null;
    }

    /** Whether intent phrases and fillers cover every word ("ok confirm", "thats all"). */
    private boolean onlyChatter(String[] words) {
        int i = 0;
        while (i < words.length) {
            int longest = 0;
            for (Intent intent : lexicon.intents.keySet()) {
                var match = lexicon.intents.get(intent).longest(words, i);
                if (match != null) {
                    longest = Math.max(longest, match.length());
                }
            }
            if (longest > 0) {
                i += longest;
            } else if ((lexicon.fillers.contains(words[i]) || lexicon.separators.longest(words, i) != null)
                    && !lexicon.noteStarts.contains(words[i])) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }
}
