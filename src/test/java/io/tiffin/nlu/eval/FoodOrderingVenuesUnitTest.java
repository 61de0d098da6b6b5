package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiffin.nlu.internal.DeterministicOrderParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One check per venue folder of {@code ../shared/data/foodordering} (CC BY-NC: read where it lies,
 * never copied). Every venue is scored on orders written for this project
 * ({@code src/test/resources/nlu/own-orders/VENUE.jsonl}, TOP-Alias gold resolved through the
 * venue's own catalogs), so a zero-shot venue is judged on its schema only; a venue that ships a
 * synthetic {@code train.json.gz} is also scored on every tenth line of it. A venue folder with no
 * orders of ours fails: a new menu must come with phrasings.
 */
class FoodOrderingVenuesUnitTest {

    private static final Path VENUES = Path.of("..", "shared", "data", "foodordering");
    private static final Path OWN = Path.of("src", "test", "resources", "nlu", "own-orders");
    /** Our orders are 50-100 a venue (10 for pizza, whose own orders are mostly in pizza-catalogs.jsonl). */
    private static final double OWN_MINIMUM = 0.9;

    /** The fifth batch reads 0.92-1.00 a venue (coffee lowest); held just under the lowest. */
    private static final double SPOKEN_MINIMUM = 0.9;

    /** The seventh batch reads 0.92-1.00 a venue (coffee, burrito and burger lowest). */
    private static final double GROUP_MINIMUM = 0.9;

    /**
     * The eighth batch reads 0.80-0.96 a venue after its pass (coffee lowest; first scores
     * 0.60-0.72): held at its lowest.
     */
    private static final double CHANGED_MINIMUM = 0.8;

    /**
     * The ninth batch reads 0.73-0.93 a venue after its pass (coffee lowest; first scores
     * 0.53-0.73): held at its lowest.
     */
    private static final double NINTH_MINIMUM = 0.73;
    /** The tenth batch after its pass: burrito, coffee, sub and pizza 0.92 (one order of 12 wrong), burger 1.00. */
    private static final double TENTH_MINIMUM = 0.91;

    /** The eleventh batch after its third pass: every venue 1.00 (first scores 0.64-0.80). */
    private static final double ELEVENTH_MINIMUM = 0.99;

    /** The twelfth batch after its pass: pizza 0.857 lowest, the others 0.93-1.00 (first scores 0.79-1.00). */
    private static final double TWELFTH_MINIMUM = 0.85;

    /**
     * The thirteenth batch after its second pass: burger, burrito and pizza 0.93 lowest, coffee and sub
     * 1.00 (first scores 0.53-0.93).
     */
    private static final double THIRTEENTH_MINIMUM = 0.92;

    /** The fourteenth batch after its pass: coffee 0.867 lowest, the others 1.00 (first scores 0.73-0.93). */
    private static final double FOURTEENTH_MINIMUM = 0.86;

    private static final double TRAIN_MINIMUM = 0.99;

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> eachVenueReadsOrdersWrittenForIt() throws Exception {
        assumeTrue(Files.isDirectory(VENUES), "FoodOrdering data not present");
        List<Path> venues;
        try (Stream<Path> list = Files.list(VENUES)) {
            venues = list.filter(v -> Files.isRegularFile(v.resolve("schema.json")))
                    .sorted()
                    .toList();
        }
        assertThat(venues).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path venue : venues) {
            String name = venue.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name + ": our orders", () -> {
                Path own = OWN.resolve(name + ".jsonl");
                assertThat(own).as("orders written for venue %s", name).isRegularFile();
                var evaluation = new NluEvalTool().evaluate(own, venue, null, new DeterministicOrderParser());
                assertThat(evaluation.total()).isGreaterThanOrEqualTo(10);
                assertThat(evaluation.exactMatch())
                        .as("%s mistakes: %s", name, evaluation.mistakes())
                        .isGreaterThanOrEqualTo(OWN_MINIMUM);
            }));
            Path typed = OWN.resolve("batch4").resolve(name + ".jsonl");
            if (Files.isRegularFile(typed)) {
                // the fourth batch, typed the way people chat: "lg", "w/", "x2", "no wait", "one of each"
                tests.add(DynamicTest.dynamicTest(name + ": our orders typed as people chat", () -> {
                    var evaluation = new NluEvalTool().evaluate(typed, venue, null, new DeterministicOrderParser());
                    assertThat(evaluation.total()).isGreaterThanOrEqualTo(30);
                    assertThat(evaluation.exactMatch())
                            .as("%s mistakes: %s", name, evaluation.mistakes())
                            .isGreaterThanOrEqualTo(OWN_MINIMUM);
                }));
            }
            Path spoken = OWN.resolve("batch5").resolve(name + ".jsonl");
            if (Files.isRegularFile(spoken)) {
                // the fifth batch: fillers, polite requests, orders for several people, questions mixed in
                tests.add(DynamicTest.dynamicTest(name + ": our orders said as people speak", () -> {
                    var evaluation = new NluEvalTool().evaluate(spoken, venue, null, new DeterministicOrderParser());
                    assertThat(evaluation.total()).isGreaterThanOrEqualTo(25);
                    assertThat(evaluation.exactMatch())
                            .as("%s mistakes: %s", name, evaluation.mistakes())
                            .isGreaterThanOrEqualTo(SPOKEN_MINIMUM);
                }));
            }
            Path listed = OWN.resolve("batch6").resolve(name + ".jsonl");
            if (Files.isRegularFile(listed)) {
                // the sixth batch: lists, counts after a dash, "scratch the ...", texting, emoji, Hinglish
                tests.add(DynamicTest.dynamicTest(name + ": our orders typed as lists and texts", () -> {
                    var evaluation = new NluEvalTool().evaluate(listed, venue, null, new DeterministicOrderParser());
                    assertThat(evaluation.total()).isGreaterThanOrEqualTo(20);
                    assertThat(evaluation.exactMatch())
                            .as("%s mistakes: %s", name, evaluation.mistakes())
                            .isGreaterThanOrEqualTo(SPOKEN_MINIMUM);
                }));
            }
            Path group = OWN.resolve("batch7").resolve(name + ".jsonl");
            if (Files.isRegularFile(group)) {
                // the seventh batch: orders for a group, "one each of", degrees, defaults, other Englishes
                tests.add(DynamicTest.dynamicTest(name + ": our orders for a group, with degrees and defaults", () -> {
                    var evaluation = new NluEvalTool().evaluate(group, venue, null, new DeterministicOrderParser());
                    assertThat(evaluation.total()).isGreaterThanOrEqualTo(25);
                    assertThat(evaluation.exactMatch())
                            .as("%s mistakes: %s", name, evaluation.mistakes())
                            .isGreaterThanOrEqualTo(GROUP_MINIMUM);
                }));
            }
            Path changed = OWN.resolve("batch8").resolve(name + ".jsonl");
            if (Files.isRegularFile(changed)) {
                // the eighth batch: "instead of", "swap", "on the side", terse texts, counted picks sharing a dish
                tests.add(DynamicTest.dynamicTest(name + ": our orders with options changed and shared", () -> {
                    var evaluation = new NluEvalTool().evaluate(changed, venue, null, new DeterministicOrderParser());
                    assertThat(evaluation.total()).isGreaterThanOrEqualTo(25);
                    assertThat(evaluation.exactMatch())
                            .as("%s mistakes: %s", name, evaluation.mistakes())
                            .isGreaterThanOrEqualTo(CHANGED_MINIMUM);
                }));
            }
            Path ninth = OWN.resolve("batch9").resolve(name + ".jsonl");
            if (Files.isRegularFile(ninth)) {
                // the ninth batch: "times two both", ordinals, "make the X Y", a second dish by size and kind
                tests.add(DynamicTest.dynamicTest(
                        name + ": our orders by texters, elders, learners, offices and voice", () -> {
                            var evaluation =
                                    new NluEvalTool().evaluate(ninth, venue, null, new DeterministicOrderParser());
                            assertThat(evaluation.total()).isGreaterThanOrEqualTo(15);
                            assertThat(evaluation.exactMatch())
                                    .as("%s mistakes: %s", name, evaluation.mistakes())
                                    .isGreaterThanOrEqualTo(NINTH_MINIMUM);
                        }));
            }
            Path tenth = OWN.resolve("batch10").resolve(name + ".jsonl");
            if (Files.isRegularFile(tenth)) {
                // the tenth batch: voice, group lists, learner word order ("fries curly", "pizza large one"), shorthand
                tests.add(DynamicTest.dynamicTest(
                        name + ": our orders by voice, group lists, learners and shorthand", () -> {
                            var evaluation =
                                    new NluEvalTool().evaluate(tenth, venue, null, new DeterministicOrderParser());
                            assertThat(evaluation.total()).isGreaterThanOrEqualTo(12);
                            assertThat(evaluation.exactMatch())
                                    .as("%s mistakes: %s", name, evaluation.mistakes())
                                    .isGreaterThanOrEqualTo(TENTH_MINIMUM);
                        }));
            }
            Path eleventh = OWN.resolve("batch11").resolve(name + ".jsonl");
            if (Files.isRegularFile(eleventh)) {
                // the eleventh batch: rambling, restarts ("sorry, large curly fries"), same again, "veg", mixed counts
                tests.add(DynamicTest.dynamicTest(
                        name + ": our orders rambling, restarted, repeated and in other Englishes", () -> {
                            var evaluation =
                                    new NluEvalTool().evaluate(eleventh, venue, null, new DeterministicOrderParser());
                            assertThat(evaluation.total()).isGreaterThanOrEqualTo(13);
                            assertThat(evaluation.exactMatch())
                                    .as("%s mistakes: %s", name, evaluation.mistakes())
                                    .isGreaterThanOrEqualTo(ELEVENTH_MINIMUM);
                        }));
            }
            Path twelfth = OWN.resolve("batch12").resolve(name + ".jsonl");
            if (Files.isRegularFile(twelfth)) {
                // the twelfth batch: shorthand, refusals around the order, questions, options far from their dish
                tests.add(DynamicTest.dynamicTest(
                        name + ": our orders in shorthand, with refusals and options far from their dish", () -> {
                            var evaluation =
                                    new NluEvalTool().evaluate(twelfth, venue, null, new DeterministicOrderParser());
                            assertThat(evaluation.total()).isGreaterThanOrEqualTo(13);
                            assertThat(evaluation.exactMatch())
                                    .as("%s mistakes: %s", name, evaluation.mistakes())
                                    .isGreaterThanOrEqualTo(TWELFTH_MINIMUM);
                        }));
            }
            Path thirteenth = OWN.resolve("batch13").resolve(name + ".jsonl");
            if (Files.isRegularFile(thirteenth)) {
                // the thirteenth batch: corrections inside the sentence, "another one of those", shared options
                tests.add(DynamicTest.dynamicTest(
                        name + ": our orders corrected as typed, repeated and with options for every dish", () -> {
                            var evaluation =
                                    new NluEvalTool().evaluate(thirteenth, venue, null, new DeterministicOrderParser());
                            assertThat(evaluation.total()).isGreaterThanOrEqualTo(14);
                            assertThat(evaluation.exactMatch())
                                    .as("%s mistakes: %s", name, evaluation.mistakes())
                                    .isGreaterThanOrEqualTo(THIRTEENTH_MINIMUM);
                        }));
            }
            Path fourteenth = OWN.resolve("batch14").resolve(name + ".jsonl");
            if (Files.isRegularFile(fourteenth)) {
                // the fourteenth batch: run-on messages, several people, counts split over the dish, corrections
                tests.add(DynamicTest.dynamicTest(
                        name + ": our orders run on, for several people, corrected and with typos", () -> {
                            var evaluation =
                                    new NluEvalTool().evaluate(fourteenth, venue, null, new DeterministicOrderParser());
                            assertThat(evaluation.total()).isGreaterThanOrEqualTo(15);
                            assertThat(evaluation.exactMatch())
                                    .as("%s mistakes: %s", name, evaluation.mistakes())
                                    .isGreaterThanOrEqualTo(FOURTEENTH_MINIMUM);
                        }));
            }
            Path train = venue.resolve("train.json.gz");
            if (Files.isRegularFile(train)) {
                tests.add(DynamicTest.dynamicTest(name + ": synthetic train, every tenth line", () -> {
                    Path sample = everyTenth(train, temp.resolve(name + "-train-sample.json"));
                    var evaluation = new NluEvalTool().evaluate(sample, venue, null, new DeterministicOrderParser());
                    assertThat(evaluation.total()).isGreaterThan(500);
                    assertThat(evaluation.exactMatch()).as("%s", name).isGreaterThanOrEqualTo(TRAIN_MINIMUM);
                }));
            }
        }
        return tests.stream();
    }

    private static Path everyTenth(Path gz, Path out) throws Exception {
        List<String> kept = new ArrayList<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            String line;
            for (int n = 0; (line = reader.readLine()) != null; n++) {
                if (n % 10 == 0 && !line.isBlank()) {
                    kept.add(line);
                }
            }
        }
        return Files.write(out, kept, StandardCharsets.UTF_8);
    }
}
