import java.io.BufferedWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes distinct signed webhooks of one channel for {@code channel.lua}, one per line
 * ("header TAB value TAB content type TAB body"): Instagram DMs (X-Hub-Signature-256), Twilio SMS
 * (X-Twilio-Signature over the public URL and sorted parameters) or Telegram updates (the secret token).
 *
 * <pre>java ChannelRequests.java --channel sms --count 100000 --out sms.txt</pre>
 */
public class ChannelRequests {

    public static void main(String[] args) throws Exception {
        String channel = arg(args, "--channel", "instagram");
        int count = Integer.parseInt(arg(args, "--count", "40000"));
        Path out = Path.of(arg(args, "--out", channel + ".txt"));
        long now = System.currentTimeMillis();
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            for (int i = 0; i < count; i++) {
                writer.write(switch (channel) {
                    case "instagram" -> instagram(i, now);
                    case "sms" -> sms(i);
                    case "telegram" -> telegram(i, now);
                    default -> throw new IllegalArgumentException(channel);
                });
                writer.write('\n');
            }
        }
    }

    static String instagram(int i, long now) throws Exception {
        String body = ("{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400000000001\",\"time\":%d,\"messaging\":[{"
                + "\"sender\":{\"id\":\"%d\"},\"recipient\":{\"id\":\"17841400000000001\"},\"timestamp\":%d,"
                + "\"message\":{\"mid\":\"m_wrk%d.%d\",\"text\":\"2 butter chicken and 3 garlic naan\"}}]}]}")
                .formatted(now, 9000000000L + i, now, now, i);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("bench-instagram".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return "X-Hub-Signature-256\t" + signature + "\tapplication/json\t" + body;
    }

    static String sms(int i) throws Exception {
        // a customer per message, as in the WhatsApp harness
        Map<String, String> params = new TreeMap<>(Map.of("MessageSid", "SMwrk" + i + "x" + System.nanoTime(),
                "AccountSid", "ACbench", "From", String.format("+1415%07d", 5_000_000 + i), "To", "+12025550100",
                "Body", "2 butter chicken and 3 garlic naan", "NumMedia", "0"));
        StringBuilder signed = new StringBuilder("http://127.0.0.1:18080/webhooks/twilio/sms");
        StringBuilder form = new StringBuilder();
        for (var e : params.entrySet()) {
            signed.append(e.getKey()).append(e.getValue());
            form.append(form.isEmpty() ? "" : "&").append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("bench-twilio".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        return "X-Twilio-Signature\t" + signature + "\tapplication/x-www-form-urlencoded\t" + form;
    }

    static String telegram(int i, long now) {
        String body = ("{\"update_id\":%d,\"message\":{\"message_id\":%d,\"from\":{\"id\":%d,\"first_name\":\"Bench\"},"
                + "\"chat\":{\"id\":%d,\"type\":\"private\"},\"date\":%d,\"text\":\"2 butter chicken and 3 garlic naan\"}}")
                .formatted(now % 1_000_000_000L * 100 + i, i, 700000000L + i, 700000000L + i, now / 1000);
        return "X-Telegram-Bot-Api-Secret-Token\tbench-telegram-secret\tapplication/json\t" + body;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
