package io.tiffin.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tiffin.catalog.Menus;
import io.tiffin.identity.CurrentUser;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.NotFoundException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may read and replace a menu, against the real tenant checks and a real MongoDB wire server. */
class MenuAdministrationIntegrationTest {

    private static MongoServer server;
    private static MongoClient client;
    private MenuAdministration menus;

    /** The one merchant there is, "m1", trading in rupees. */
    private static final class OneMerchant implements MerchantDirectory {
        @Override
        public Optional<Merchant> byId(String merchantId) {
            return exists(merchantId)
                    ? Optional.of(new Merchant("Spice Route", "INR", "Asia/Kolkata", "MG Road", null, null, null))
                    : Optional.empty();
        }

        @Override
        public Optional<Merchant> byWhatsappPhoneNumberId(String phoneNumberId) {
            return Optional.empty();
        }

        @Override
        public Optional<Merchant> bySmsNumber(String e164) {
            return Optional.empty();
        }

        @Override
        public Optional<Merchant> byInstagramAccountId(String accountId) {
            return Optional.empty();
        }

        @Override
        public boolean exists(String merchantId) {
            return "m1".equals(merchantId);
        }

        @Override
        public Optional<Merchant> bySlug(String slug) {
            return Optional.empty();
        }
    }

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
        var mongo = new MongoTemplate(client, "administration-test");
        mongo.getDb().drop();
        menus = new MenuAdministration(
                new CatalogService(mongo, Clock.systemUTC()), new TenantAccess(), new OneMerchant());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(Role role, String merchantId) {
        var user = new CurrentUser("u1", "u1@example.com", role, merchantId);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
    }

    @Test
    void letsTheOwnerReplaceAndTheStaffRead() {
        signIn(Role.MERCHANT_OWNER, "m1");
        menus.replace("m1", Menus.sample());

        signIn(Role.MERCHANT_STAFF, "m1");
        assertThat(menus.menuOf("m1").menu()).isEqualTo(Menus.sample());
        assertThatThrownBy(() -> menus.replace("m1", Menus.sample())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void hidesAnotherMerchantsMenu() {
        signIn(Role.MERCHANT_OWNER, "m2");
        assertThatThrownBy(() -> menus.menuOf("m1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> menus.replace("m1", Menus.sample())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void letsAnAdminImportForAnExistingMerchantOnly() {
        signIn(Role.ADMIN, null);
        assertThat(menus.replace("m1", Menus.sample()).version()).isEqualTo(1);
        assertThatThrownBy(() -> menus.replace("nobody", Menus.sample())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> menus.menuOf("nobody")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void answersNotFoundBeforeTheFirstImport() {
        signIn(Role.MERCHANT_OWNER, "m1");
        assertThatThrownBy(() -> menus.menuOf("m1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void importsCsvInTheMerchantsCurrency() {
        signIn(Role.MERCHANT_OWNER, "m1");
        var stored = menus.replaceFromCsv("m1", """
                category,item_id,item_name,price
                Breads,garlic_naan,Garlic Naan,7000
                """);
        assertThat(stored.menu().currency()).isEqualTo("INR");
        assertThat(stored.menu().item("garlic_naan").orElseThrow().price()).isEqualTo(7000L);
    }

    @Test
    void letsStaffMarkItemsSoldOutButNotChangePrices() {
        signIn(Role.MERCHANT_OWNER, "m1");
        menus.replace("m1", Menus.sample());

        signIn(Role.MERCHANT_STAFF, "m1");
        assertThat(menus.editItem("m1", "pizza", null, null, false, null)
                        .menu()
                        .item("pizza")
                        .orElseThrow()
                        .isAvailable())
                .isFalse();
        assertThatThrownBy(() -> menus.editItem("m1", "pizza", null, null, null, 1L))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> menus.editItem("m1", "pizza", "size", "large", null, 1L))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(menus.menuOf("m1").menu().item("pizza").orElseThrow().price())
                .isEqualTo(19900L);
    }

    @Test
    void changesOneOptionsPriceAndNothingElse() {
        signIn(Role.MERCHANT_OWNER, "m1");
        var before = menus.replace("m1", Menus.sample());

        var after = menus.editItem("m1", "pizza", "size", "large", null, 17500L);

        assertThat(after.version()).isEqualTo(before.version() + 1);
        var pizza = after.menu().item("pizza").orElseThrow();
        assertThat(pizza.group("size")
                        .orElseThrow()
                        .option("large")
                        .orElseThrow()
                        .price())
                .isEqualTo(17500L);
        assertThat(pizza.group("size")
                        .orElseThrow()
                        .option("medium")
                        .orElseThrow()
                        .price())
                .isEqualTo(8000L);
        assertThat(pizza.price()).isEqualTo(19900L);
        assertThatThrownBy(() -> menus.editItem("m1", "pizza", "size", "huge", null, 1L))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEditIsAppliedToTheLatestMenuNotTheOneItFirstRead() {
        signIn(Role.MERCHANT_OWNER, "m1");
        var first = menus.replace("m1", Menus.sample());
        menus.editItem("m1", "pizza", null, null, false, null);

        // a tablet holding the first version must not undo the sold-out flag when it stores its edit
        var catalog = new CatalogService(new MongoTemplate(client, "administration-test"), Clock.systemUTC());
        assertThat(catalog.replaceIfUnchanged("m1", first.version(), Menus.sample()))
                .isNull();
        var priced = menus.editItem("m1", "pizza", null, null, null, 20900L)
                .menu()
                .item("pizza")
                .orElseThrow();
        assertThat(priced.price()).isEqualTo(20900L);
        assertThat(priced.isAvailable()).isFalse();
    }
}
