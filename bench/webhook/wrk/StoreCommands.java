import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the store commands in a slice of the app's log written with the MongoDB driver's command
 * log on ({@code LOGGING_LEVEL_ORG_MONGODB_DRIVER_PROTOCOL_COMMAND=DEBUG}), by who sent them (the
 * thread), command and collection, with the time the store took to answer them, per handled message.
 *
 * <pre>sed -n "$FROM,$TO p" app.log | java StoreCommands.java MESSAGES</pre>
 */
public class StoreCommands {

    private static final Pattern STARTED = Pattern.compile(
            "\\[ *([^\\]]+)\\] \\[[^\\]]*\\] org\\.mongodb\\.driver\\.protocol\\.command +: Command \"(\\w+)\" started.*"
                    + "The request ID is (\\d+).*Command: \\{\"\\w+\": (\"([^\"]*)\"|\\d+)");
    private static final Pattern ENDED =
            Pattern.compile("Command \"\\w+\" (?:succeeded|failed) .* in ([0-9.]+) ms .*The request ID is (\\d+)");

    record Key(String who, String command, String collection) {}

    public static void main(String[] args) throws Exception {
        double messages = Double.parseDouble(args.length > 0 ? args[0] : "1");
        Map<String, Key> pending = new HashMap<>();
        Map<Key, long[]> counts = new TreeMap<>((a, b) -> (a.who + a.command + a.collection)
                .compareTo(b.who + b.command + b.collection));
        Map<Key, double[]> millis = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            Matcher started = STARTED.matcher(line);
            if (started.find()) {
                String collection = started.group(5) != null ? started.group(5) : "-";
                Key key = new Key(who(started.group(1).trim()), started.group(2), collection);
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                pending.put(started.group(3), key);
                continue;
            }
            Matcher ended = ENDED.matcher(line);
            if (ended.find()) {
                Key key = pending.remove(ended.group(2));
                if (key != null) {
                    millis.computeIfAbsent(key, k -> new double[1])[0] += Double.parseDouble(ended.group(1));
                }
            }
        }
        System.out.printf("| who | command | collection | commands | per message | store ms per message |%n");
        System.out.printf("|---|---|---|---:|---:|---:|%n");
        long total = 0;
        double totalMillis = 0;
        for (Map.Entry<Key, long[]> e : counts.entrySet()) {
            Key k = e.getKey();
            long n = e.getValue()[0];
            double ms = millis.getOrDefault(k, new double[1])[0];
            total += n;
            totalMillis += ms;
            System.out.printf("| %s | %s | %s | %d | %.3f | %.3f |%n", k.who, k.command, k.collection, n, n / messages,
                    ms / messages);
        }
        System.out.printf("| all | | | %d | **%.2f** | %.2f |%n", total, total / messages, totalMillis / messages);
    }

    /** Threads by role (the log shows the last 15 characters of a thread's name). */
    private static String who(String thread) {
        if (thread.startsWith("intake-")) {
            return "handling";
        }
        if (thread.contains("relay-timer")) {
            return "relay sweep";
        }
        if (thread.contains("event-relay")) {
            return "relay";
        }
        if (thread.contains("journal-drain")) {
            return "journal drain";
        }
        if (thread.contains("inbox-finisher")) {
            return "done marks";
        }
        if (thread.contains("handler") || thread.contains("exec")) {
            return "webhook";
        }
        return thread.replaceAll("-\\d+$", "");
    }
}
