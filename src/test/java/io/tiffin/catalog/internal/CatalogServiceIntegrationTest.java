package io.tiffin.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.catalog.Menus;
import io.tiffin.platform.InvalidInputException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Against a real MongoDB wire server in memory, as the embedded default runs. */
class CatalogServiceIntegrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static MongoServer server;
    private static MongoClient client;
    private MongoTemplate mongo;
    private CatalogService catalog;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "catalog-test");
        mongo.getDb().drop();
        catalog = new CatalogService(mongo, CLOCK);
    }

    @Test
    void hasNoMenuBeforeTheFirstImport() {
        assertThat(catalog.current("m1")).isEmpty();
    }

    @Test
    void storesAMenuAndReadsItBackWhole() {
        MenuSnapshot stored = catalog.replace("m1", Menus.indianRestaurant());

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.updatedAt()).isEqualTo(CLOCK.instant());
        assertThat(new CatalogService(mongo, CLOCK).current("m1")).contains(stored);
        assertThat(stored.menu()).isEqualTo(Menus.indianRestaurant());
    }

    @Test
    void recentAnswersFromTheCacheWithinItsWindowAndSeesChangesMadeHereAtOnce() {
        CatalogService here = new CatalogService(mongo, CLOCK, java.time.Duration.ofHours(1));
        CatalogService elsewhere = new CatalogService(mongo, CLOCK);
        here.replace("m1", Menus.sample());
        MenuSnapshot second = elsewhere.replace("m1", Menus.indianRestaurant());

        // another instance's change: not asked for within the window, seen by current at once
        assertThat(here.recent("m1").orElseThrow().version()).isEqualTo(1);
        assertThat(here.current("m1")).contains(second);
        assertThat(here.recent("m1")).contains(second);
        // a change made here is seen by recent at once
        MenuSnapshot third = here.replace("m1", Menus.sample());
        assertThat(here.recent("m1")).contains(third);
        // without a window, recent is current
        CatalogService always = new CatalogService(mongo, CLOCK, java.time.Duration.ZERO);
        assertThat(always.recent("m1")).contains(third);
        MenuSnapshot fourth = elsewhere.replace("m1", Menus.indianRestaurant());
        assertThat(always.recent("m1")).contains(fourth);
    }

    @Test
    void keepsTheDefaultFlagOfOptions() {
        catalog.replace("m1", Menus.sample());
        Menu read = new CatalogService(mongo, CLOCK).current("m1").orElseThrow().menu();
        assertThat(read.item("pizza").orElseThrow().group("size").orElseThrow().defaults())
                .extracting(Menu.Option::id)
                .containsExactly("medium");
    }

    @Test
    void incrementsTheVersionOnEveryReplaceAndKeepsOneDocumentPerMerchant() {
        catalog.replace("m1", Menus.sample());
        catalog.replace("m2", Menus.sample());
        MenuSnapshot second = catalog.replace("m1", Menus.indianRestaurant());

        assertThat(second.version()).isEqualTo(2);
        assertThat(mongo.getCollection("menus").countDocuments()).isEqualTo(2);
        assertThat(catalog.current("m2").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidMenuAndKeepsTheStoredOne() {
        MenuSnapshot stored = catalog.replace("m1", Menus.sample());

        assertThatThrownBy(() -> catalog.replace("m1", new Menu("INR", List.of())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(catalog.current("m1")).contains(stored);
        assertThat(mongo.getCollection("menus").countDocuments()).isEqualTo(1);
    }

    @Test
    void seesAReplaceMadeByAnotherInstance() {
        var otherInstance = new CatalogService(mongo, CLOCK);
        catalog.replace("m1", Menus.sample());
        assertThat(catalog.current("m1").orElseThrow().version()).isEqualTo(1);

        otherInstance.replace("m1", Menus.indianRestaurant());

        MenuSnapshot seen = catalog.current("m1").orElseThrow();
        assertThat(seen.version()).isEqualTo(2);
        assertThat(seen.menu()).isEqualTo(Menus.indianRestaurant());
    }

    @Test
    void enforcesOneMenuDocumentPerMerchantInTheDatabase() {
        catalog.replace("m1", Menus.sample());
        assertThat(mongo.indexOps(StoredMenu.class).getIndexInfo())
                .anySatisfy(index -> assertThat(index.isUnique()).isTrue());
    }
}
