package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiffin.nlu.internal.DeterministicOrderParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pizza orders written for this project in the PIZZA dataset's style but not after its sentences
 * ({@code src/test/resources/nlu/own-orders/pizza-catalogs.jsonl}, gold as PIZZA's EXR trees),
 * read on PIZZA's own catalogs where they lie (CC BY-NC: never copied; skipped when absent). PIZZA
 * dev has been read so often that it says little about orders not yet seen; these say more.
 */
class PizzaCatalogOrdersUnitTest {

    private static final Path CATALOGS = Path.of("..", "shared", "data", "pizza", "catalogs");
    private static final Path ORDERS = Path.of("src", "test", "resources", "nlu", "own-orders", "pizza-catalogs.jsonl");

    /** The fourth batch, typed the way people chat ("lg pepp", "x2", "a large, no, a medium"). */
    private static final Path TYPED = ORDERS.resolveSibling("batch4").resolve("pizza-catalogs.jsonl");

    /** The fifth batch, said as people speak ("um", "cheers", "for my wife", "do you have ...? if so"). */
    private static final Path SPOKEN = ORDERS.resolveSibling("batch5").resolve("pizza-catalogs.jsonl");

    /** The sixth batch, typed as lists and texts ("1) ... 2) ...", "- 2", "scratch the ham", "ek ... aur do"). */
    private static final Path LISTED = ORDERS.resolveSibling("batch6").resolve("pizza-catalogs.jsonl");

    /** The seventh batch, for a group ("for me ..., my wife wants ..."), "one each of", degrees, defaults. */
    private static final Path GROUP = ORDERS.resolveSibling("batch7").resolve("pizza-catalogs.jsonl");

    /**
     * The seventh batch, in PIZZA's own style where its dev set is thin: three and four pizzas in one
     * order, drinks by can, bottle and volume, options put "on" a pizza, every form of refusal.
     */
    private static final Path PIZZA_STYLE =
            ORDERS.resolveSibling("batch7-pizza-style").resolve("pizza-catalogs.jsonl");

    /**
     * The eighth batch: counted picks sharing one dish ("one medium and one small pizza both with
     * sausage"), swaps, questions typed without a mark, "three of the same pizza".
     */
    private static final Path CHANGED = ORDERS.resolveSibling("batch8").resolve("pizza-catalogs.jsonl");

    /**
     * The ninth batch: orders by a texter, an older person, a learner of English, an office and a
     * voice ("times three all medium", "the first with ham", "make the large one ...").
     */
    private static final Path NINTH = ORDERS.resolveSibling("batch9").resolve("pizza-catalogs.jsonl");

    /**
     * The tenth batch: voice, group lists, learner word order ("pizza large one with ham",
     * "hawaiian medium and supreme large"), style-only names ("a chicago style with sausage").
     */
    private static final Path TENTH = ORDERS.resolveSibling("batch10").resolve("pizza-catalogs.jsonl");

    /**
     * The eleventh batch: rambling messages, restarts, "the same again", mixed counts, British and
     * Indian English ("veg pizza", "ta"), phone typos.
     */
    private static final Path ELEVENTH = ORDERS.resolveSibling("batch11").resolve("pizza-catalogs.jsonl");

    /**
     * The twelfth batch: shorthand ("lg pep x3"), refusals before the order, questions round it,
     * options said far from their pizza ("the beef one thick crust"), "a few", counts after the dish.
     */
    private static final Path TWELFTH = ORDERS.resolveSibling("batch12").resolve("pizza-catalogs.jsonl");

    /**
     * The thirteenth batch: corrections inside the sentence, "another one of those", options shared
     * after the pizzas ("extra cheese and bacon on all of them"), "half a dozen".
     */
    private static final Path THIRTEENTH = ORDERS.resolveSibling("batch13").resolve("pizza-catalogs.jsonl");

    /**
     * The fourteenth batch: run-on messages, orders for several people, counts split over the pizzas
     * ("three large pizzas, two with pepperoni and one with just cheese"), corrections, typos.
     */
    private static final Path FOURTEENTH = ORDERS.resolveSibling("batch14").resolve("pizza-catalogs.jsonl");

    @Test
    void readsPizzaOrdersOfTheFourteenthBatch() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(FOURTEENTH, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(15);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void readsPizzaOrdersOfTheThirteenthBatch() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(THIRTEENTH, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(15);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void readsPizzaOrdersOfTheTwelfthBatch() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(TWELFTH, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(15);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void readsPizzaOrdersOfTheEleventhBatch() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(ELEVENTH, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(15);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void readsPizzaOrdersOfTheTenthBatch() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(TENTH, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(20);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void readsPizzaOrdersOfTheNinthBatch() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(NINTH, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(25);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.96);
    }

    @Test
    void readsPizzaOrdersWithOptionsChangedAndShared() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(CHANGED, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(40);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void readsPizzaOrdersForAGroupWithDegreesAndDefaults() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(GROUP, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(30);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void readsPizzaOrdersInThePizzaStyle() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(PIZZA_STYLE, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(80);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void readsPizzaOrdersTypedAsListsAndTexts() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(LISTED, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(30);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void readsPizzaOrdersSaidAsPeopleSpeak() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(SPOKEN, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(30);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void readsPizzaOrdersTypedTheWayPeopleChat() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(TYPED, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(40);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void readsPizzaOrdersWrittenForThisProject() throws Exception {
        assumeTrue(Files.isDirectory(CATALOGS), "PIZZA catalogs not present");
        var evaluation = new NluEvalTool().evaluate(ORDERS, null, CATALOGS, new DeterministicOrderParser());
        assertThat(evaluation.total()).isGreaterThanOrEqualTo(70);
        assertThat(evaluation.exactMatch())
                .as("mistakes: %s", evaluation.mistakes())
                .isGreaterThanOrEqualTo(0.9);
    }
}
