package io.tiffin.nlu.internal;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "tacos: 2 steak, 1 chicken", "3 burgers: 1 plain, 2 with bacon": a dish named once before a colon
 * (with its total or not) and a list of counted parts after it is that dish in each part, read as
 * "2 tacos steak, 1 tacos chicken". Marks and digits only, on the text as typed, like
 * {@link ListedOrders}: one word before the colon opening its sentence, two or more parts each opening
 * with a count in digits and a word. Anything said about the dish before its name ("4 large pizzas:
 * 2 pepperoni, ...") is left to the reading of counted lines. The word before the colon must be a word
 * of the menu: "hi: 2 lattes, 1 mocha" and "order: ..." are lists of dishes, not parts of one.
 */
final class CountedParts {

    /** The dish (group 1) opening a sentence before a colon, and what follows to the sentence's end (group 2). */
    private static final Pattern NAMED_ONCE = Pattern.compile(
            "(?:^|(?<=[.;!?\\n]))[ \\t]*(?:\\d{1,2}[ \\t]+)?(\\p{L}+)[ \\t]*:[ \\t]*(\\d{1,2}[ \\t]+\\p{L}[^.;!?\\n]*)");

    /** A part's count: at the start of the list or after a comma, an ampersand or "and". */
    private static final Pattern PART =
            Pattern.compile("(^|,[ \\t]*|&[ \\t]*|\\band[ \\t]+)(\\d{1,2})[ \\t]+(?=\\p{L})");

    private CountedParts() {}

    static String spread(String text, Predicate<String> menuWord) {
        if (text == null || text.indexOf(':') < 0) {
            return text;
        }
        Matcher named = NAMED_ONCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (named.find()) {
            String dish = named.group(1);
            if (!menuWord.test(dish.toLowerCase(Locale.ROOT))) {
                named.appendReplacement(out, Matcher.quoteReplacement(named.group()));
                continue;
            }
            Matcher part = PART.matcher(named.group(2));
            int parts = 0;
            StringBuilder list = new StringBuilder();
            while (part.find()) {
                parts++;
                part.appendReplacement(
                        list, Matcher.quoteReplacement(part.group(1) + part.group(2) + " " + dish + " "));
            }
            part.appendTail(list);
            String replaced = parts >= 2 ? list.toString() : named.group();
            named.appendReplacement(out, Matcher.quoteReplacement(parts >= 2 ? " " + replaced : replaced));
        }
        named.appendTail(out);
        return out.toString();
    }
}
