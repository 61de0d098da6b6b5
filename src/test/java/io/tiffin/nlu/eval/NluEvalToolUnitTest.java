package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs nlu-eval on the shared benchmark data where it lies ({@code ../shared/data}, CC BY-NC: read,
 * never copied); skipped where that folder is absent.
 */
class NluEvalToolUnitTest {

    private static final Path DATA = Path.of("..", "shared", "data");

    @TempDir
    Path temp;

    private String run(String... args) throws Exception {
        var out = new ByteArrayOutputStream();
        int code = new NluEvalTool().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scoresThePizzaDevSetAndEndsWithTheExactMatchLine() throws Exception {
        Path dev = DATA.resolve("pizza/PIZZA_dev.json");
        assumeTrue(Files.isRegularFile(dev), "PIZZA data not present");
        Path report = temp.resolve("mistakes.json");

        String[] lines = run("--dataset", dev.toString(), "--report", report.toString())
                .strip()
                .split("\n");

        String last = lines[lines.length - 1];
        assertThat(last).matches("exact_match=[01]\\.\\d{4} n=348");
        assertThat(Double.parseDouble(last.substring("exact_match=".length(), last.indexOf(' '))))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(lines).anyMatch(l -> l.startsWith("TOPPING "));
        assertThat(Files.readString(report)).contains("\"mistakes\"");
    }

    @Test
    void buildsAVenueMenuFromItsSchemaAndResolvesTopAliasGold() throws Exception {
        Path venue = DATA.resolve("foodordering/burrito");
        assumeTrue(Files.isRegularFile(venue.resolve("schema.json")), "FoodOrdering data not present");
        // our own utterances, in the venue's TOP-Alias notation
        Path dataset = temp.resolve("orders.json");
        Files.writeString(dataset, """
                {"SRC": "two chicken burritos with no beans and a black tea", "TOPALIAS": "(BURRITO_ORDER (NUMBER two ) (MAIN_FILLING chicken ) (NOT (BEAN_FILLING beans ) ) ) (DRINK_ORDER (NUMBER a ) (DRINK_TYPE black tea ) )"}
                {"SRC": "a steak bowl with extra guac", "TOPALIAS": "(BURRITO_BOWL_ORDER (NUMBER a ) (MAIN_FILLING steak ) (COMPLEX (QUANTITY extra ) (TOPPING guac ) ) )"}
                """);

        String out = run("--dataset", dataset.toString(), "--schema", venue.toString());

        assertThat(out.strip()).endsWith("exact_match=1.0000 n=2");
    }
}
