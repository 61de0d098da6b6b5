package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiffin.nlu.internal.DeterministicOrderParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public catalogs the language-class tests read orders on, built once per test run and skipped
 * when the data is absent. {@code P} is the PIZZA catalogs, any other name a FoodOrdering venue.
 */
final class PublicMenus {

    private static final Path DATA = Path.of("..", "shared", "data");
    private static final DeterministicOrderParser PARSER = new DeterministicOrderParser();
    private static final Map<String, EvalMenu> MENUS = new HashMap<>();

    private PublicMenus() {}

    static synchronized EvalMenu of(String venue) throws Exception {
        Path dir = venue.equals("P")
                ? DATA.resolve("pizza").resolve("catalogs")
                : DATA.resolve("foodordering").resolve(venue);
        assumeTrue(Files.isDirectory(dir), "public data not present");
        EvalMenu menu = MENUS.get(venue);
        if (menu == null) {
            menu = venue.equals("P")
                    ? PizzaCatalogs.build(dir)
                    : FoodOrderingSchema.read(dir, JsonMapper.builder().build()).menu;
            MENUS.put(venue, menu);
        }
        return menu;
    }

    /** The utterance read on the venue's menu is the expected order, compared as whole trees. */
    static void assertReads(String venue, String utterance, String expected) throws Exception {
        EvalMenu menu = of(venue);
        Tree predicted = menu.toTree(PARSER.parse(utterance, menu.snapshot()));
        Tree gold = Tree.node("ORDER", Tree.parseAll(expected));
        assertThat(predicted.canonical()).as(predicted.toString()).isEqualTo(gold.canonical());
    }
}
