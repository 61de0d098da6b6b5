package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A question about the menu and then an order in one message ({@code asked-then.txt}): "do you
 * have hazelnut? if so a medium latte with it", "is the hot chocolate any good? i'll take a large
 * one", "do you do vanilla shakes? if so two please", "do you have avocado? if not guac on my
 * veggie sub". The question orders nothing; the order after it is what is read, with what was
 * asked about (the longest run of menu words in the question) said where the order points back at
 * it ("it", "one of those", "a large one", a bare count after "if so"). After "if not" it is left
 * out.
 */
final class AskedThenOrdered {

    private AskedThenOrdered() {}

    /** The order the message gives after its question, or null when it is not of that shape. */
    static String order(String utterance, Lexicon lexicon, MenuIndex index) {
        int mark = utterance == null ? -1 : utterance.lastIndexOf('?');
        if (mark < 0) {
            String marked = utterance == null ? null : marked(utterance, lexicon);
            return marked == null ? null : order(marked, lexicon, index);
        }
        String before = utterance.substring(0, mark);
        // the question is the last sentence or clause before the mark ("a salad, and do you do shakes?")
        int start = Math.max(
                        Math.max(before.lastIndexOf('.'), before.lastIndexOf('!')),
                        Math.max(before.lastIndexOf('?'), before.lastIndexOf(',')))
                + 1;
        String[] question = lexicon.normalizer.tokens(before.substring(start));
        String[] after = lexicon.normalizer.tokens(utterance.substring(mark + 1));
        if (after.length == 0 || !asks(question, lexicon)) {
            return null;
        }
        String[] subject = subject(question, index);
        int from = skipFillers(after, 0, lexicon);
        var opener = lexicon.askedThen.longest(after, from);
        String role = opener == null ? null : opener.value();
        if ("NO".equals(role) || "YES".equals(role)) {
            from += opener.length();
        }
        List<String> out = new ArrayList<>();
        boolean pointed = false;
        boolean takes = !"NO".equals(role) && subject.length > 0;
        for (int i = from; i < after.length; i++) {
            String word = after[i];
            String[] one = {word};
            var here = lexicon.askedThen.longest(one, 0);
            String kind = here == null ? null : here.value();
            boolean menuNext = i + 1 < after.length && namesSomething(after[i + 1], lexicon, index);
            if (takes
                    && "ONE".equals(kind)
                    && i + 2 < after.length
                    && after[i + 1].equals("of")
                    && refers(after[i + 2], lexicon)) {
                // "one of those": one of what was asked about
                out.add(word);
                out.addAll(Arrays.asList(subject));
                i += 2;
                pointed = true;
            } else if (takes
                    && "REFERS".equals(kind)
                    && !(word.equals("that") && i > 0 && after[i - 1].equals("make"))) {
                out.addAll(Arrays.asList(subject));
                pointed = true;
            } else if (takes && "ONE".equals(kind) && !menuNext) {
                // "a large one": the one asked about; "take one with ...": one of it
                if (i > 0 && menuWord(index, after[i - 1])) {
                    out.addAll(Arrays.asList(subject));
                } else {
                    out.add(word);
                    out.addAll(Arrays.asList(subject));
                }
                pointed = true;
            } else {
                out.add(word);
            }
        }
        if (!pointed && takes && "YES".equals(role)) {
            // "if so two please": the count is of what was asked about
            for (int i = 0; i < out.size(); i++) {
                boolean count = lexicon.numbers.longest(new String[] {out.get(i)}, 0) != null
                        && !lexicon.articles.contains(out.get(i));
                if (count && (i + 1 == out.size() || !namesSomething(out.get(i + 1), lexicon, index))) {
                    out.addAll(i + 1, Arrays.asList(subject));
                    break;
                }
            }
        }
        if (out.stream().noneMatch(w -> menuWord(index, w))) {
            return null;
        }
        String earlier = before.substring(0, start).trim();
        return (earlier.isEmpty() ? "" : earlier + " , ") + String.join(" ", out);
    }

    /**
     * A question typed without its mark ("do you have pineapple if you do i want a large hawaiian",
     * "how big is a large pizza never mind give me an extra large"): the mark put where the answer
     * turns, at a YES or NO phrase of two words or more or a MARK word, never at a single "no" or
     * "then", which an order says too. Null when the message asks nothing or never turns.
     */
    private static String marked(String utterance, Lexicon lexicon) {
        String[] tokens = lexicon.normalizer.tokens(utterance);
        if (!asks(tokens, lexicon)) {
            return null;
        }
        for (int p = 2; p < tokens.length - 1; p++) {
            var turn = lexicon.askedThen.longest(tokens, p);
            if (turn == null) {
                continue;
            }
            boolean answer = (turn.value().equals("YES") || turn.value().equals("NO")) && turn.length() > 1;
            if (answer || turn.value().equals("MARK")) {
                int from = turn.value().equals("MARK") ? p + turn.length() : p;
                return String.join(" ", Arrays.copyOfRange(tokens, 0, p)) + " ? "
                        + String.join(" ", Arrays.copyOfRange(tokens, from, tokens.length));
            }
        }
        return null;
    }

    /** A word of the menu's names, however it is spelt ("coffee" is indexed as one spelling of it). */
    private static boolean menuWord(MenuIndex index, String word) {
        String canonical = index.canonical(word);
        return index.isMenuWord(word) || canonical != null && index.isMenuWord(canonical);
    }

    /** A menu word that is no glue ("with" names nothing, though "with ice" may be a style). */
    private static boolean namesSomething(String word, Lexicon lexicon, MenuIndex index) {
        return menuWord(index, word) && !glue(word, lexicon);
    }

    private static boolean glue(String word, Lexicon lexicon) {
        var match = lexicon.askedThen.longest(new String[] {word}, 0);
        return match != null && match.value().equals("GLUE");
    }

    private static boolean asks(String[] question, Lexicon lexicon) {
        // fillers may open it ("so is the ..."), and an asking word may be one ("is", "have")
        int first = skipFillers(question, 0, lexicon);
        for (int i = 0; i <= first && i < question.length; i++) {
            var opener = lexicon.askedThen.longest(question, i);
            if (opener != null && opener.value().equals("REQUEST")) {
                return false; // "can you do a double cheeseburger ...?" orders
            }
            if (opener != null && opener.value().equals("ASK")) {
                return true;
            }
        }
        return false;
    }

    private static boolean refers(String word, Lexicon lexicon) {
        var match = lexicon.askedThen.longest(new String[] {word}, 0);
        return match != null && match.value().equals("REFERS");
    }

    private static int skipFillers(String[] tokens, int from, Lexicon lexicon) {
        int i = from;
        while (i < tokens.length
                && (tokens[i].equals(",") || lexicon.fillers.contains(tokens[i]) || glue(tokens[i], lexicon))) {
            i++;
        }
        return i;
    }

    /** The longest run of menu words in the question, the last of equal runs. */
    private static String[] subject(String[] question, MenuIndex index) {
        int bestFrom = 0;
        int bestLength = 0;
        for (int i = 0; i < question.length; ) {
            int j = i;
            while (j < question.length && menuWord(index, question[j])) {
                j++;
            }
            if (j > i && j - i >= bestLength) {
                bestFrom = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        return Arrays.copyOfRange(question, bestFrom, bestFrom + bestLength);
    }
}
