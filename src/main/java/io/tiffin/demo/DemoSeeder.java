package io.tiffin.demo;

import io.tiffin.catalog.Catalog;
import io.tiffin.catalog.Menu;
import io.tiffin.dispatch.Fleet;
import io.tiffin.dispatch.GeoPoint;
import io.tiffin.identity.Role;
import io.tiffin.identity.UserAccounts;
import io.tiffin.identity.UserView;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantRegistration;
import io.tiffin.merchant.NewMerchant;
import io.tiffin.merchant.StoreRules;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Seeds the demo merchant once; later starts find the marker and leave everything as the user left it. */
@Component
@Order(10)
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    static final String DEMO_WHATSAPP_PHONE_NUMBER_ID = "100000000000001";

    /**
     * Realistic rules a newcomer sees in the cart: ₹150 minimum, delivery by distance within 8 km,
     * ₹10 packaging, 5% GST. Open all day every day, so trying the demo works at any hour.
     */
    static final StoreRules DEMO_RULES = demoRules();

    private static StoreRules demoRules() {
        java.util.Map<java.time.DayOfWeek, java.util.List<StoreRules.Interval>> hours =
                new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            hours.put(day, java.util.List.of(new StoreRules.Interval("00:00", "24:00")));
        }
        return new StoreRules(
                hours,
                15_000,
                new StoreRules.DeliveryFee(
                        null,
                        java.util.List.of(
                                new StoreRules.DeliveryFee.Band(3, 2_000),
                                new StoreRules.DeliveryFee.Band(6, 4_000),
                                new StoreRules.DeliveryFee.Band(8, 6_000))),
                8.0,
                1_000,
                java.math.BigDecimal.valueOf(5));
    }

    private final MerchantRegistration merchants;
    private final UserAccounts users;
    private final Catalog catalog;
    private final Fleet fleet;
    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final boolean enabled;

    DemoSeeder(
            MerchantRegistration merchants,
            UserAccounts users,
            Catalog catalog,
            Fleet fleet,
            MongoTemplate mongo,
            ObjectMapper json,
            @Value("${tiffin.demo:}") String demo,
            @Value("${MONGODB_URI:}") String mongoUri) {
        this.merchants = merchants;
        this.users = users;
        this.catalog = catalog;
        this.fleet = fleet;
        this.mongo = mongo;
        this.json = json;
        this.enabled = demo == null || demo.isBlank() ? mongoUri.isBlank() : Boolean.parseBoolean(demo.strip());
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        Document seeded = mongo.findById("demo", Document.class, "platform_seeds");
        if (seeded != null) {
            keepWebChatOn(seeded.getString("merchantId"));
            return;
        }
        try {
            mongo.insert(new Document("_id", "demo").append("state", "seeding"), "platform_seeds");
        } catch (DuplicateKeyException e) {
            return;
        }
        Merchant merchant = merchants.register(new NewMerchant(
                "Tiffin Demo Kitchen",
                "INR",
                "Asia/Kolkata",
                "12 MG Road, Bengaluru 560001",
                new NewMerchant.Location(12.9756, 77.6050),
                new Merchant.ChannelBindings(DEMO_WHATSAPP_PHONE_NUMBER_ID, null, null, null),
                Merchant.Fulfilment.DELIVERY_AND_PICKUP));
        merchants.setRules(merchant.id(), DEMO_RULES);
        try (InputStream in = new ClassPathResource("demo/menu.json").getInputStream()) {
            catalog.replace(merchant.id(), json.readValue(in, Menu.class));
        }
        // the demo is for trying the web chat; real merchants turn it on themselves
        merchants.changeWebChat(merchant.id(), true);
        String ownerPassword = randomPassword();
        String driverPassword = randomPassword();
        String secondDriverPassword = randomPassword();
        users.ensure("owner@demo.tiffin.local", ownerPassword, Role.MERCHANT_OWNER, merchant.id());
        // two riders a few hundred metres from the kitchen; they count for work once their phones report in
        UserView ravi = users.ensure("driver@demo.tiffin.local", driverPassword, Role.DRIVER, merchant.id());
        UserView asha = users.ensure("driver2@demo.tiffin.local", secondDriverPassword, Role.DRIVER, merchant.id());
        fleet.enrol(ravi.id(), merchant.id(), "Ravi", new GeoPoint(12.9781, 77.6012));
        fleet.enrol(asha.id(), merchant.id(), "Asha", new GeoPoint(12.9719, 77.6095));
        mongo.save(
                new Document("_id", "demo").append("state", "seeded").append("merchantId", merchant.id()),
                "platform_seeds");
        log.warn(
                """

                Demo merchant "{}" seeded (id {}), with a {}-item menu. These passwords are shown only once:
                  merchant owner  owner@demo.tiffin.local   {}
                  driver (Ravi)   driver@demo.tiffin.local  {}
                  driver (Asha)   driver2@demo.tiffin.local {}
                Chat with it at /chat/ ; its WhatsApp phone_number_id is {}. Drivers sign in at /driver/ .
                """,
                merchant.name(),
                merchant.id(),
                catalog.current(merchant.id())
                        .map(s -> s.menu().items().count())
                        .orElse(0L),
                ownerPassword,
                driverPassword,
                secondDriverPassword,
                DEMO_WHATSAPP_PHONE_NUMBER_ID);
    }

    /**
     * A demo seeded before merchants had a web chat switch has no setting at all, which reads as off:
     * the demo keeps its chat, while a choice the owner made since stays as it is.
     */
    private void keepWebChatOn(String merchantId) {
        if (merchantId == null) {
            return;
        }
        var query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                        .is(new org.bson.types.ObjectId(merchantId))
                        .and("webChat")
                        .exists(false));
        if (mongo.exists(query, "merchants")) {
            merchants.changeWebChat(merchantId, true);
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
