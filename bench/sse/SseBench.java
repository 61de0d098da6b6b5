import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Board fan-out benchmark: N open board streams (Server-Sent Events) for one merchant, then orders
 * placed through the web chat one after another; for each order, how long until every board has
 * the order.placed event. Measured two ways: from the customer's last message (end to end, includes
 * the conversation placing the order) and from the event's own timestamp (publish to Redis, pub/sub,
 * write to every stream). Also the app's heap and RSS with the boards open.
 *
 * Usage: java SseBench.java --app http://127.0.0.1:8080 --email admin@tiffin.local --password P
 *        [--connections 200] [--orders 20] [--pid APP_PID]
 */
public class SseBench {

    static final Pattern NUMBER = Pattern.compile("\"number\":\"(\\d+)\"");
    static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String app = o.getOrDefault("app", "http://127.0.0.1:8080");
        int connections = Integer.parseInt(o.getOrDefault("connections", "200"));
        int orders = Integer.parseInt(o.getOrDefault("orders", "20"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        String token = field(post(http, app + "/api/v1/auth/login", null,
                "{\"email\":\"" + o.get("email") + "\",\"password\":\"" + o.get("password") + "\"}"), "token");
        // the demo merchant: the first the admin lists, and the first with the web chat on (by its public slug)
        String merchantId = field(http.send(HttpRequest.newBuilder(URI.create(app + "/api/v1/merchants?size=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body(), "id");
        String slug = field(http.send(HttpRequest.newBuilder(URI.create(app + "/chat/api/merchant")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "slug");
        long heapBefore = heap(http, app);
        long rssBefore = rss(o.get("pid"));

        // number -> per-connection arrival times (nanoTime); the event timestamp per number
        Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
        Map<String, Instant> published = new ConcurrentHashMap<>();
        Map<String, Instant> arrivedWall = new ConcurrentHashMap<>();
        CountDownLatch connected = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app + "/api/v1/merchants/" + merchantId + "/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                boolean placed;

                public void onSubscribe(Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                public void onNext(String line) {
                    if (line.startsWith(":connected")) {
                        connected.countDown();
                    } else if (line.equals("event:order.placed")) {
                        placed = true;
                    } else if (placed && line.startsWith("data:")) {
                        placed = false;
                        long now = System.nanoTime();
                        Matcher n = NUMBER.matcher(line);
                        if (n.find()) {
                            arrivals.computeIfAbsent(n.group(1), k -> Collections.synchronizedList(new ArrayList<>())).add(now);
                            Matcher at = AT.matcher(line);
                            if (at.find()) {
                                published.putIfAbsent(n.group(1), Instant.parse(at.group(1)));
                            }
                            arrivedWall.merge(n.group(1), Instant.now(), (a, b) -> a.isAfter(b) ? a : b);
                        }
                    }
                }

                public void onError(Throwable t) {
                    System.err.println("stream error: " + t);
                }

                public void onComplete() {
                }
            }));
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (connections - connected.getCount()) + " boards connected");
        }
        Thread.sleep(2000);
        long heapOpen = heap(http, app);
        long rssOpen = rss(o.get("pid"));
        System.out.printf("boards connected: %d%n", connections);

        List<Double> endToEnd = new ArrayList<>();
        List<Double> fanOut = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String session = "bench" + UUID.randomUUID().toString().replace("-", "");
            chat(http, app, slug, session, "\"text\":\"1 masala chai\"", 1);
            chat(http, app, slug, session, "\"reply\":{\"id\":\"confirm\",\"title\":\"Confirm order\"}", 2);
            int before = arrivals.size();
            long t0 = System.nanoTime();
            chat(http, app, slug, session, "\"reply\":{\"id\":\"pickup\",\"title\":\"Pickup\"}", 0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String number = null;
            while (System.nanoTime() < deadline) {
                number = arrivals.entrySet().stream().filter(e -> e.getValue().size() >= connections)
                        .map(Map.Entry::getKey).filter(k -> !endToEndSeen.contains(k)).findFirst().orElse(null);
                if (number != null) {
                    break;
                }
                Thread.sleep(5);
            }
            if (number == null) {
                System.out.printf("order %d: not all boards heard it (%d streams had events)%n", i, before);
                continue;
            }
            endToEndSeen.add(number);
            long last = Collections.max(arrivals.get(number));
            endToEnd.add((last - t0) / 1e6);
            fanOut.add(Duration.between(published.get(number), arrivedWall.get(number)).toNanos() / 1e6);
        }
        Collections.sort(endToEnd);
        Collections.sort(fanOut);
        System.out.printf("orders=%d boards=%d%n", endToEnd.size(), connections);
        System.out.printf("last board heard the order, from the customer's last message: p50=%.0f ms p99=%.0f ms max=%.0f ms%n",
                pct(endToEnd, 50), pct(endToEnd, 99), endToEnd.getLast());
        System.out.printf("last board heard the order, from the event's publication:     p50=%.0f ms p99=%.0f ms max=%.0f ms%n",
                pct(fanOut, 50), pct(fanOut, 99), fanOut.getLast());
        System.out.printf("heap used: %d MiB before, %d MiB with the boards open%n", heapBefore >> 20, heapOpen >> 20);
        if (rssOpen > 0) {
            System.out.printf("app RSS: %d MiB before, %d MiB with the boards open%n", rssBefore >> 20, rssOpen >> 20);
        }
        System.exit(0);
    }

    static final java.util.Set<String> endToEndSeen = ConcurrentHashMap.newKeySet();

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Sends one web chat message and waits until the bot has replied {@code replies} times in total. */
    static void chat(HttpClient http, String app, String slug, String session, String content, int replies) throws Exception {
        post(http, app + "/chat/api/messages", null, "{\"merchant\":\"" + slug + "\",\"sessionId\":\"" + session
                + "\",\"messageId\":\"m" + UUID.randomUUID().toString().replace("-", "") + "\",\"name\":\"Bench\"," + content + "}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (replies > 0 && System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create(app + "/chat/api/messages?merchant=" + slug
                    + "&sessionId=" + session)).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.split("\"text\"").length - 1 >= replies) {
                return;
            }
            Thread.sleep(20);
        }
    }

    static String post(HttpClient http, String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static long heap(HttpClient http, String app) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(app + "/actuator/metrics/jvm.memory.used?tag=area:heap")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)").matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    static long rss(String pid) throws Exception {
        if (pid == null) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }
}
