import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes distinct signed WhatsApp text webhooks, one per line ("signature TAB body"), for
 * {@code webhook.lua}: signing up front keeps the load generator's own work out of the measurement.
 *
 * <pre>java SignedRequests.java --secret bench-secret --phone-number-id 100000000000001 --count 40000 --out requests.txt</pre>
 */
public class SignedRequests {

    public static void main(String[] args) throws Exception {
        String secret = arg(args, "--secret", "bench-secret");
        String phone = arg(args, "--phone-number-id", "100000000000001");
        int count = Integer.parseInt(arg(args, "--count", "40000"));
        Path out = Path.of(arg(args, "--out", "requests.txt"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        long now = Instant.now().getEpochSecond();
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            for (int i = 0; i < count; i++) {
                String customer = Long.toString(910000000000L + i);
                String body = """
                        {"object":"whatsapp_business_account","entry":[{"id":"880480571844883","changes":[{"field":"messages","value":{\
                        "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100001","phone_number_id":"%s"},\
                        "contacts":[{"profile":{"name":"Bench"},"wa_id":"%s"}],"messages":[{"from":"%s","id":"wamid.wrk%d.%d",\
                        "timestamp":"%d","type":"text","text":{"body":"2 butter chicken and 3 garlic naan"}}]}}]}]}"""
                        .formatted(phone, customer, customer, now, i, now);
                String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
                writer.write("sha256=" + signature + "\t" + body + "\n");
            }
        }
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
