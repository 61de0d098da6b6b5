import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook intake benchmark. Plays the Graph API (records when each reply arrives) and a crowd of
 * WhatsApp customers: signed text webhooks at a fixed concurrency against a running Tiffin, side by
 * side with the app's no-op webhook in the same run. See bench/README.md for how to run it.
 *
 * Usage: java WebhookBench.java --app http://127.0.0.1:8080 --graph-port 18089 --secret S
 *        --phone-number-id 100000000000001 [--concurrency 32] [--seconds 20] [--warmup 10]
 *        [--paced-rate 20] [--paced-seconds 10]      (--seconds 0: only the paced run)
 */
public class WebhookBench {

    static final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    static final Map<String, Long> repliedAt = new ConcurrentHashMap<>();
    static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String app = o.getOrDefault("app", "http://127.0.0.1:8080");
        int graphPort = Integer.parseInt(o.getOrDefault("graph-port", "18089"));
        String secret = o.getOrDefault("secret", "bench-secret");
        String phone = o.getOrDefault("phone-number-id", "100000000000001");
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "32"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));

        HttpServer graph = HttpServer.create(new InetSocketAddress("127.0.0.1", graphPort), 512);
        graph.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Matcher m = TO.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m.find()) {
                    repliedAt.putIfAbsent(m.group(1), System.nanoTime());
                }
            }
            byte[] ok = "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.BENCH\"}]}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        graph.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        graph.start();

        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        System.out.printf("warm-up %d s (webhooks and no-op alternating)%n", warmup);
        run(client, app, mac, phone, concurrency, warmup / 2, "warm-w", false);
        run(client, app, mac, phone, concurrency, warmup - warmup / 2, "warm-n", true);
        // the baseline is measured on a quiet app: let the warm-up's messages be handled first
        long quiet = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (repliedAt.size() < sentAt.size() && System.nanoTime() < quiet) {
            Thread.sleep(200);
        }
        Thread.sleep(2000);
        sentAt.clear();
        repliedAt.clear();

        long deadline;
        if (seconds > 0) {
            Result noop = run(client, app, mac, phone, concurrency, seconds, "noop", true);
            Result hooks = run(client, app, mac, phone, concurrency, seconds, "hook", false);
            System.out.printf("%-22s %10s %9s %9s %9s %7s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
            print("no-op webhook", noop);
            print("signed WhatsApp text", hooks);
            System.out.printf("ratio webhook/no-op throughput: %.2f%n", hooks.perSecond() / noop.perSecond());

            deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
            while (repliedAt.size() < sentAt.size() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            System.out.printf("replies: %d of %d webhooks answered; webhook-to-reply under load: %s%n",
                    repliedAt.size(), sentAt.size(), latencies());
        }

        // a paced run shows webhook-to-reply when the bot is not queueing behind a flood: webhooks start
        // on a fixed schedule (not one after the other's answer), each from a new customer
        sentAt.clear();
        repliedAt.clear();
        int paced = Integer.parseInt(o.getOrDefault("paced-rate", "20"));
        int pacedSeconds = Integer.parseInt(o.getOrDefault("paced-seconds", "10"));
        long interval = 1_000_000_000L / paced;
        System.out.printf("paced run: %d webhooks/s for %d s%n", paced, pacedSeconds);
        System.out.flush();
        long begin = System.nanoTime();
        AtomicLong pacedErrors = new AtomicLong();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < paced * pacedSeconds; i++) {
                long due = begin + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int n = i;
                senders.submit(() -> {
                    if (send(client, app, mac, phone, "paced-" + n, false) != 200) {
                        pacedErrors.incrementAndGet();
                    }
                });
            }
        }
        double sendSeconds = (System.nanoTime() - begin) / 1e9;
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (repliedAt.size() < sentAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("webhook-to-reply at %d webhooks/s (%d sent in %.1f s, %d errors): %s%n", paced, sentAt.size(),
                sendSeconds, pacedErrors.get(), latencies());
        byWindow(begin, 10);
        graph.stop(0);
        System.exit(0);
    }

    record Result(long count, long errors, double seconds, long[] nanos) {
        double perSecond() {
            return count / seconds;
        }
    }

    static Result run(HttpClient client, String app, Mac mac, String phone, int concurrency, int seconds, String tag,
            boolean noop) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger seq = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<long[]> perWorker = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                long[] lat = new long[2_000_000];
                perWorker.add(lat);
                int worker = w;
                workers.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status = send(client, app, mac, phone, tag + "-" + worker + "-" + seq.incrementAndGet(), noop);
                        long t = System.nanoTime() - t0;
                        if (status != 200) {
                            errors.incrementAndGet();
                        } else if (n < lat.length - 1) {
                            lat[++n] = t;
                        }
                    }
                    lat[0] = n;
                    done.countDown();
                });
            }
            done.await();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = perWorker.stream().mapToLong(l -> l[0]).sum();
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] l : perWorker) {
            System.arraycopy(l, 1, all, k, (int) l[0]);
            k += (int) l[0];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), elapsed, all);
    }

    static int send(HttpClient client, String app, Mac mac, String phone, String id, boolean noop) {
        // each message comes from its own customer, so the reply can be matched by the "to" number
        String customer = Long.toString(910000000000L + (id.hashCode() & 0x7fffffffL) % 9_000_000_000L) ;
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"880480571844883","changes":[{"field":"messages","value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100001","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":"Bench"},"wa_id":"%s"}],"messages":[{"from":"%s","id":"wamid.%s",\
                "timestamp":"%d","type":"text","text":{"body":"2 butter chicken and 3 garlic naan"}}]}}]}]}"""
                .formatted(phone, customer, customer, id, Instant.now().getEpochSecond());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature;
        synchronized (mac) {
            signature = "sha256=" + hex(mac.doFinal(bytes));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(app + (noop ? "/webhooks/noop" : "/webhooks/whatsapp")))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            if (!noop) {
                sentAt.putIfAbsent(customer, System.nanoTime());
            }
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static String latencies() {
        long[] l = sentAt.entrySet().stream().filter(e -> repliedAt.containsKey(e.getKey()))
                .mapToLong(e -> repliedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
        if (l.length == 0) {
            return "no replies";
        }
        return String.format("p50 %.1f ms, p99 %.1f ms (n=%d)", pct(l, 50) / 1e6, pct(l, 99) / 1e6, l.length);
    }

    /** The p99 of each window of send times: a stall shows as one window, a slow app as all of them. */
    static void byWindow(long begin, int seconds) {
        var windows = new java.util.TreeMap<Long, List<Long>>();
        sentAt.forEach((customer, sent) -> {
            Long replied = repliedAt.get(customer);
            if (replied != null) {
                windows.computeIfAbsent((sent - begin) / (seconds * 1_000_000_000L), w -> new ArrayList<>())
                        .add(replied - sent);
            }
        });
        StringBuilder line = new StringBuilder("p99 per " + seconds + " s of sending:");
        windows.forEach((w, l) -> line.append(String.format(" %.0f",
                pct(l.stream().mapToLong(Long::longValue).sorted().toArray(), 99) / 1e6)));
        System.out.println(line.append(" ms"));
    }

    static void print(String name, Result r) {
        System.out.printf("%-22s %10.0f %9.2f %9.2f %9.2f %7d%n", name, r.perSecond(), pct(r.nanos(), 50) / 1e6,
                pct(r.nanos(), 99) / 1e6, r.nanos().length == 0 ? 0 : r.nanos()[r.nanos().length - 1] / 1e6, r.errors());
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return s.toString();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }
}
