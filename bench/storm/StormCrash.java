import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import com.sun.net.httpserver.HttpServer;

/**
 * Storm and crash: signed WhatsApp webhooks from many customers, a share of them redelivered, all
 * shuffled and sent by many senders, while the app is killed with SIGKILL at a random moment and
 * started again on the same data. A webhook that was not acknowledged is sent again, as a provider
 * does. Every message asks for one reply (an order line: the cart), so per customer the replies
 * must equal the distinct messages acknowledged: fewer is a lost message, more a repeated reply.
 *
 * With {@code --instances 2} the storm is split across two app processes on one store: the first
 * with the embedded MongoDB and Redis (journal off), the second pointed at them; every delivery goes
 * to either at random, and the second is the one killed and restarted. Each customer then sends its
 * messages one after another (the next once the last was acknowledged), each naming its own item, so
 * the order of a customer's messages is known: a reply that names a later item before an earlier one
 * is an order violation.
 *
 * Usage: java bench/storm/StormCrash.java [--jar target/tiffin.jar] [--runs 20] [--messages 800]
 *        [--customers 200] [--redeliver 0.3] [--senders 16] [--seed 1] [--instances 1|2]
 *        [--expiry 15s] [--quiet 45]     (two instances: lock and lease expiry; how long a silence ends the wait)
 */
public class StormCrash {

    static final String SECRET = "storm-secret";
    static final String ADMIN = "admin@storm.tiffin.local";
    static final String PASSWORD = "storm-password-1";
    static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"");
    static final Map<String, AtomicInteger> replies = new ConcurrentHashMap<>();
    static final Map<String, List<String>> replyBodies = new ConcurrentHashMap<>();
    /** Items the parser never confuses, one per message of a customer in a split storm. */
    static final List<String> ITEMS = List.of("dal makhani", "chole", "garlic naan", "hara bhara kebab");
    static final Pattern MONGO_PORT = Pattern.compile("Embedded MongoDB-wire store on [0-9.]+:(\\d+)");
    static final Pattern REDIS_PORT = Pattern.compile("Embedded Redis on [0-9.]+:(\\d+)");
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(8)).build();

    record Delivery(String customer, String id, String body, int index) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path jar = Path.of(o.getOrDefault("jar", "target/tiffin.jar"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "20"));
        int messages = Integer.parseInt(o.getOrDefault("messages", "800"));
        int customers = Integer.parseInt(o.getOrDefault("customers", "200"));
        double redeliver = Double.parseDouble(o.getOrDefault("redeliver", "0.3"));
        int senders = Integer.parseInt(o.getOrDefault("senders", "16"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        int instances = Integer.parseInt(o.getOrDefault("instances", "1"));
        if (instances == 2) {
            split(o, jar, runs, messages, redeliver, senders, seed);
            return;
        }
        String menu = Files.readString(Path.of("src/main/resources/demo/menu.json"));

        int graphPort = freePort();
        HttpServer graph = HttpServer.create(new InetSocketAddress("127.0.0.1", graphPort), 512);
        graph.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Matcher m = TO.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m.find()) {
                    replies.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
                }
            }
            byte[] ok = "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.STORM\"}]}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        graph.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        graph.start();

        System.out.printf("%3s %8s %10s %8s %9s %6s %9s %8s%n", "run", "distinct", "deliveries", "acked", "killed at",
                "lost", "repeated", "seconds");
        long totalLost = 0;
        long totalRepeated = 0;
        for (int run = 1; run <= runs; run++) {
            Random random = new Random(seed * 1000 + run);
            replies.clear();
            long started = System.nanoTime();
            Path data = Files.createTempDirectory("storm-");
            int port = freePort();
            String phoneNumberId = "7" + (100000000000L + run);
            Process app = start(jar, port, graphPort, data);
            String base = "http://127.0.0.1:" + port;
            awaitUp(base);
            String token = login(base);
            String merchant = createMerchant(base, token, phoneNumberId, run, menu);

            List<Delivery> distinct = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                String customer = Long.toString(919000000000L + run * 100_000L + random.nextInt(customers));
                String text = (1 + random.nextInt(3)) + " " + List.of("garlic naan", "mango lassi", "butter chicken")
                        .get(random.nextInt(3));
                String id = "wamid.STORM" + run + "x" + i;
                distinct.add(new Delivery(customer, id, payload(phoneNumberId, customer, id, text), 0));
            }
            List<Delivery> deliveries = new ArrayList<>(distinct);
            for (Delivery d : distinct) {
                if (random.nextDouble() < redeliver) {
                    deliveries.add(d);
                }
            }
            Collections.shuffle(deliveries, random);
            int killAt = (int) (deliveries.size() * (0.1 + 0.7 * random.nextDouble()));

            Set<String> acked = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>(deliveries);
            AtomicLong answered = new AtomicLong();
            AtomicInteger pending = new AtomicInteger(deliveries.size());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            Process[] current = {app};
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    while (answered.get() < killAt) {
                        Thread.sleep(2);
                    }
                    current[0].destroyForcibly();
                    current[0].waitFor();
                    current[0] = start(jar, port, graphPort, data);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    Delivery d;
                    while ((d = queue.poll()) != null) {
                        int status = post(base, mac, d.body());
                        answered.incrementAndGet();
                        if (status == 200) {
                            acked.add(d.id());
                            pending.decrementAndGet();
                        } else {
                            // not acknowledged: the provider sends it again a little later
                            queue.add(d);
                            sleep(50);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            killer.join();
            awaitUp(base);
            Map<String, Integer> expected = new ConcurrentHashMap<>();
            distinct.stream().filter(d -> acked.contains(d.id())).forEach(d -> expected.merge(d.customer(), 1, Integer::sum));
            awaitQuiet(expected);
            long lost = 0;
            long repeated = 0;
            for (var e : expected.entrySet()) {
                int got = replies.getOrDefault(e.getKey(), new AtomicInteger()).get();
                lost += Math.max(0, e.getValue() - got);
                repeated += Math.max(0, got - e.getValue());
            }
            totalLost += lost;
            totalRepeated += repeated;
            System.out.printf("%3d %8d %10d %8d %9d %6d %9d %8.0f%n", run, distinct.size(), deliveries.size(), acked.size(),
                    killAt, lost, repeated, (System.nanoTime() - started) / 1e9);
            current[0].destroyForcibly();
            current[0].waitFor();
            deleteQuietly(data);
        }
        System.out.printf("total over %d runs: lost %d, repeated %d%n", runs, totalLost, totalRepeated);
        graph.stop(0);
        System.exit(0);
    }

    /** Waits until every customer has at least its expected replies, or none came for {@code quiet}. */
    static void awaitAll(Map<String, Integer> expected, Duration quiet) throws InterruptedException {
        long last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            if (expected.entrySet().stream().allMatch(e -> replies.getOrDefault(e.getKey(), new AtomicInteger()).get() >= e.getValue())) {
                Thread.sleep(3000); // a repeat would come right after
                return;
            }
            long now = replies.values().stream().mapToLong(AtomicInteger::get).sum();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    /** Replies still arriving after the storm are waited for until none came for 8 s. */
    static void awaitQuiet(Map<String, Integer> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        long last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = replies.values().stream().mapToLong(AtomicInteger::get).sum();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > Duration.ofSeconds(8).toNanos()) {
                return;
            }
            Thread.sleep(200);
        }
    }

    static Process start(Path jar, int port, int graphPort, Path data) throws IOException {
        return start(jar, port, graphPort, data, Map.of(), List.of(), "app.log");
    }

    static Process start(Path jar, int port, int graphPort, Path data, Map<String, String> env, List<String> args,
            String log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=" + port, "--tiffin.demo=false",
                "--tiffin.admin.email=" + ADMIN, "--tiffin.admin.password=" + PASSWORD,
                "--tiffin.whatsapp.app-secret=" + SECRET, "--tiffin.whatsapp.access-token=storm",
                "--tiffin.whatsapp.graph-url=http://127.0.0.1:" + graphPort));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve(log).toFile()));
        builder.environment().put("TIFFIN_DATA_DIR", data.resolve(log.replace(".log", "") + "-data").toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * The storm split across two instances on one store (see the class comment): lost and repeated
     * replies as in one process, and order violations, counted per customer.
     */
    static void split(Map<String, String> o, Path jar, int runs, int messages, double redeliver, int senders, long seed)
            throws Exception {
        String menu = Files.readString(Path.of("src/main/resources/demo/menu.json"));
        int graphPort = freePort();
        HttpServer graph = HttpServer.create(new InetSocketAddress("127.0.0.1", graphPort), 512);
        graph.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = TO.matcher(body);
                if (m.find()) {
                    replies.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
                    replyBodies.computeIfAbsent(m.group(1), k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(body.toLowerCase(java.util.Locale.ROOT));
                }
            }
            byte[] ok = "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.STORM\"}]}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        graph.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        graph.start();

        System.out.printf("%3s %8s %10s %8s %9s %6s %9s %10s %8s%n", "run", "distinct", "deliveries", "acked", "killed at",
                "lost", "repeated", "violations", "seconds");
        long totalLost = 0;
        long totalRepeated = 0;
        long totalViolations = 0;
        // the journal is one machine's disk: both store what they acknowledge in the shared inbox. A
        // killed instance leaves its conversation locks and claims to expire: shortened here from 2 min
        // so that the storm's wait covers them.
        List<String> journalOff = List.of("--tiffin.intake.journal=off", "--tiffin.cluster.lock-expiry=" + o.getOrDefault("expiry", "15s"),
                "--tiffin.intake.lease=" + o.getOrDefault("expiry", "15s"), "--tiffin.intake.sweep-every=5s");
        for (int run = 1; run <= runs; run++) {
            // nearby seeds start alike in java.util.Random: scramble them first
            Random random = new Random(new Random(seed * 1000 + run).nextLong());
            replies.clear();
            replyBodies.clear();
            long started = System.nanoTime();
            Path data = Files.createTempDirectory("storm-split-");
            int portA = freePort();
            int portB = freePort();
            String phoneNumberId = "8" + (100000000000L + run);
            Process a = start(jar, portA, graphPort, data, Map.of(), journalOff, "a.log");
            String baseA = "http://127.0.0.1:" + portA;
            awaitUp(baseA);
            String log = Files.readString(data.resolve("a.log"));
            Matcher mongo = MONGO_PORT.matcher(log);
            Matcher redis = REDIS_PORT.matcher(log);
            if (!mongo.find() || !redis.find()) {
                throw new IllegalStateException("the first instance did not log its store ports; see " + data.resolve("a.log"));
            }
            Map<String, String> shared = Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + mongo.group(1) + "/tiffin",
                    "REDIS_URL", "redis://127.0.0.1:" + redis.group(1));
            Process[] b = {start(jar, portB, graphPort, data, shared, journalOff, "b.log")};
            String baseB = "http://127.0.0.1:" + portB;
            awaitUp(baseB, true);
            String token = login(baseA);
            createMerchant(baseA, token, phoneNumberId, run, menu);

            // each customer's messages in order, one item each; customers interleave
            int customers = Math.max(1, messages / ITEMS.size());
            List<List<Delivery>> conversations = new ArrayList<>();
            int distinct = 0;
            for (int c = 0; c < customers; c++) {
                String customer = Long.toString(918000000000L + run * 100_000L + c);
                List<Delivery> sequence = new ArrayList<>();
                for (int k = 0; k < ITEMS.size() && distinct < messages; k++, distinct++) {
                    String id = "wamid.SPLIT" + run + "x" + c + "x" + k;
                    sequence.add(new Delivery(customer, id, payload(phoneNumberId, customer, id, "1 " + ITEMS.get(k)), k));
                }
                conversations.add(sequence);
            }
            int deliveriesPlanned = distinct + (int) Math.round(distinct * redeliver);
            int killAt = (int) (deliveriesPlanned * (0.1 + 0.7 * random.nextDouble()));
            Set<String> acked = ConcurrentHashMap.newKeySet();
            AtomicLong answered = new AtomicLong();
            AtomicLong posted = new AtomicLong();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    while (answered.get() < killAt) {
                        Thread.sleep(2);
                    }
                    b[0].destroyForcibly();
                    b[0].waitFor();
                    b[0] = start(jar, portB, graphPort, data, shared, journalOff, "b.log");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ConcurrentLinkedQueue<List<Delivery>> turns = new ConcurrentLinkedQueue<>(conversations);
            Map<String, Integer> next = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                Random own = new Random(seed * 7919 + run * 31 + s);
                threads.add(Thread.ofPlatform().start(() -> {
                    List<Delivery> conversation;
                    while ((conversation = turns.poll()) != null) {
                        Delivery d = conversation.get(next.getOrDefault(conversation.get(0).customer(), 0));
                        String base = own.nextBoolean() ? baseA : baseB;
                        int status = post(base, mac, d.body());
                        answered.incrementAndGet();
                        posted.incrementAndGet();
                        if (status == 200) {
                            acked.add(d.id());
                            if (own.nextDouble() < redeliver) {
                                // the provider delivers it again, to either instance
                                post(own.nextBoolean() ? baseA : baseB, mac, d.body());
                                answered.incrementAndGet();
                                posted.incrementAndGet();
                            }
                            next.merge(d.customer(), 1, Integer::sum);
                        } else {
                            sleep(50); // not acknowledged: sent again a little later
                        }
                        if (next.getOrDefault(d.customer(), 0) < conversation.size()) {
                            turns.add(conversation);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            killer.join();
            awaitUp(baseB, true);
            Map<String, Integer> expected = new ConcurrentHashMap<>();
            conversations.stream().flatMap(List::stream).filter(d -> acked.contains(d.id()))
                    .forEach(d -> expected.merge(d.customer(), 1, Integer::sum));
            // what the killed instance held waits for its lock and claim to expire, then the sweep
            awaitAll(expected, Duration.ofSeconds(Integer.parseInt(o.getOrDefault("quiet", "45"))));
            long lost = 0;
            long repeated = 0;
            long violations = 0;
            for (var e : expected.entrySet()) {
                int got = replies.getOrDefault(e.getKey(), new AtomicInteger()).get();
                lost += Math.max(0, e.getValue() - got);
                repeated += Math.max(0, got - e.getValue());
            }
            for (List<Delivery> conversation : conversations) {
                List<String> bodies = collapseRepeats(replyBodies.getOrDefault(conversation.get(0).customer(), List.of()));
                int previous = -1;
                for (Delivery d : conversation) {
                    if (!acked.contains(d.id())) {
                        continue;
                    }
                    int mention = firstMention(bodies, ITEMS.get(d.index()));
                    if (mention < 0) {
                        continue; // a lost reply, counted above
                    }
                    if (mention <= previous) {
                        if (violations == 0 && o.containsKey("show")) {
                            System.out.println("    first violation, " + d.customer() + ": " + bodies);
                        }
                        violations++;
                        break;
                    }
                    previous = mention;
                }
            }
            totalLost += lost;
            totalRepeated += repeated;
            totalViolations += violations;
            System.out.printf("%3d %8d %10d %8d %9d %6d %9d %10d %8.0f%n", run, distinct, posted.get(), acked.size(), killAt,
                    lost, repeated, violations, (System.nanoTime() - started) / 1e9);
            b[0].destroyForcibly();
            b[0].waitFor();
            a.destroyForcibly();
            a.waitFor();
            if (violations == 0 && lost == 0 && repeated == 0) {
                deleteQuietly(data);
            } else {
                System.out.println("    logs kept in " + data);
            }
        }
        System.out.printf("total over %d runs (two instances): lost %d, repeated %d, order violations %d%n", runs, totalLost,
                totalRepeated, totalViolations);
        graph.stop(0);
        System.exit(0);
    }

    /** A reply re-sent after a kill is the same text twice in a row: one reply for the order check. */
    static List<String> collapseRepeats(List<String> bodies) {
        List<String> collapsed = new ArrayList<>();
        synchronized (bodies) {
            for (String body : bodies) {
                if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(body)) {
                    collapsed.add(body);
                }
            }
        }
        return collapsed;
    }

    static int firstMention(List<String> bodies, String item) {
        for (int i = 0; i < bodies.size(); i++) {
            if (bodies.get(i).contains(item)) {
                return i;
            }
        }
        return -1;
    }

    static void awaitUp(String base) throws InterruptedException {
        awaitUp(base, false);
    }

    /**
     * Waits until the app answers its health check: UP, or with {@code anyAnswer} any answer at all (an
     * instance on another's embedded store reports its MongoDB check DOWN, since that store lacks
     * {@code hello}, yet serves: its web server starts only once the app is ready).
     */
    static void awaitUp(String base, boolean anyAnswer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (anyAnswer || health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app did not come up at " + base);
    }

    static String login(String base) throws Exception {
        String body = call(base, "POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}");
        return field(body, "token");
    }

    static String createMerchant(String base, String token, String phoneNumberId, int run, String menu) throws Exception {
        String created = call(base, "POST", "/api/v1/merchants", token, """
                {"name":"Storm Kitchen %d","currency":"INR","timezone":"Asia/Kolkata","address":"1 Test Road",
                 "location":{"lat":12.97,"lng":77.59},"channels":{"whatsappPhoneNumberId":"%s"}}
                """.formatted(run, phoneNumberId));
        String id = field(created, "id");
        call(base, "PUT", "/api/v1/merchants/" + id + "/menu", token, menu);
        return id;
    }

    static String call(String base, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static int post(String base, Mac mac, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature;
        synchronized (mac) {
            signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/webhooks/whatsapp")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static String payload(String phoneNumberId, String customer, String id, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"880480571844883","changes":[{"field":"messages","value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100001","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":"Storm"},"wa_id":"%s"}],"messages":[{"from":"%s","id":"%s",\
                "timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(phoneNumberId, customer, customer, id, Instant.now().getEpochSecond(), text);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }
}
