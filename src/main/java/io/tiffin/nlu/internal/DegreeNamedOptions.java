package io.tiffin.nlu.internal;

import io.tiffin.nlu.internal.Mention.OptionMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An option whose menu name opens with a degree word of its own ("Extra Hot", "Extra Shot", "Light
 * Ice" where the menu sells them so): said after a refusal ("a latte no foam extra hot"), it says a
 * degree of its own, so the refusal's scope ends before it, as "no foam, just extra hot" would.
 */
final class DegreeNamedOptions {

    /** The phrases of {@code qualifiers.txt} that raise or lower an option (not the refusals). */
    private static final List<String[]> DEGREES = degrees();

    private DegreeNamedOptions() {}

    /** Whether the words of the option as said open with an extra or a light. */
    static boolean saysOwnDegree(String[] tokens, OptionMention o) {
        for (String[] degree : DEGREES) {
            if (degree.length < o.end() - o.start()
                    && java.util.Arrays.equals(
                            degree, 0, degree.length, tokens, o.start(), o.start() + degree.length)) {
                return true;
            }
        }
        return false;
    }

    private static List<String[]> degrees() {
        List<String[]> degrees = new ArrayList<>();
        for (String line : Lexicon.lines(DegreeNamedOptions.class.getClassLoader(), "qualifiers.txt")) {
            int eq = line.lastIndexOf('=');
            if (eq > 0
                    && !line.substring(eq + 1).strip().toUpperCase(Locale.ROOT).equals("NO")) {
                degrees.add(
                        line.substring(0, eq).strip().toLowerCase(Locale.ROOT).split("\\s+"));
            }
        }
        return List.copyOf(degrees);
    }
}
