import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Cost of the event relay's sweep query ({@code outbox.0} exists, ids only) on the embedded store,
 * which scans the whole collection for it, at several collection sizes of order-shaped documents
 * (1 in 100 with a pending event). See bench/events/README.md for the command.
 *
 * Usage: java -cp target/classes:$(cat /tmp/events-cp.txt) bench/events/SweepBench.java [--sizes 1000,10000,50000]
 */
public class SweepBench {

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(option(args, "--sizes", "1000,10000,50000").split(",")).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("sweep-bench-");
        H2Backend backend = new H2Backend(dir.resolve("mongo.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> orders = client.getDatabase("bench").getCollection("orders");
            int stored = 0;
            for (int size : sizes) {
                List<Document> batch = new ArrayList<>();
                for (; stored < size; stored++) {
                    batch.add(order(stored));
                    if (batch.size() == 1000) {
                        orders.insertMany(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    orders.insertMany(batch);
                }
                long[] millis = new long[20];
                int found = 0;
                for (int i = 0; i < millis.length + 5; i++) {
                    long start = System.nanoTime();
                    List<Object> ids = new ArrayList<>();
                    orders.find(Filters.exists("outbox.0")).projection(Projections.include("_id")).limit(1000)
                            .forEach(d -> ids.add(d.get("_id")));
                    long took = (System.nanoTime() - start) / 1_000_000;
                    if (i >= 5) {
                        millis[i - 5] = took; // the first five warm the JIT up
                    }
                    found = ids.size();
                }
                Arrays.sort(millis);
                System.out.printf("orders=%d pending=%d sweep_ms_p50=%d sweep_ms_max=%d%n", size, found,
                        millis[millis.length / 2], millis[millis.length - 1]);
            }
        } finally {
            server.shutdown();
            backend.close();
        }
    }

    private static Document order(int n) {
        List<Document> items = List.of(
                new Document("itemId", "garlic-naan").append("name", "Garlic Naan").append("quantity", 2)
                        .append("options", List.of()).append("unitPrice", 7000).append("lineTotal", 14000),
                new Document("itemId", "butter-chicken").append("name", "Butter Chicken").append("quantity", 1)
                        .append("options", List.of(new Document("groupId", "spice").append("optionId", "medium")))
                        .append("unitPrice", 34900).append("lineTotal", 34900));
        List<Document> timeline = List.of(new Document("status", "PLACED").append("at", new Date()),
                new Document("status", "ACCEPTED").append("at", new Date()).append("note", "15 min"),
                new Document("status", "READY").append("at", new Date()));
        List<Document> outbox = n % 100 == 0
                ? List.of(new Document("_id", UUID.randomUUID().toString()).append("at", new Date()).append("event",
                        new Document("orderId", "x").append("to", "READY").append("_class", "io.tiffin.ordering.OrderStatusChanged")))
                : List.of();
        return new Document("_id", new ObjectId()).append("merchantId", "m" + (n % 20)).append("number", "A" + n)
                .append("status", "READY").append("channel", "WHATSAPP")
                .append("customer", new Document("_id", "9198" + n).append("name", "Asha"))
                .append("items", items).append("total", 48900).append("currency", "INR").append("fulfilment", "DELIVERY")
                .append("deliveryAddress", new Document("text", "42 Residency Road").append("lat", 12.97).append("lng", 77.59))
                .append("language", "en").append("timeline", timeline).append("createdAt", new Date())
                .append("version", 3L).append("outbox", outbox).append("_class", "io.tiffin.ordering.Order");
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
