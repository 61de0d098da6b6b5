import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets up the location-ping benchmark on a running app: signs in as the admin, creates a merchant and
 * COUNT driver users, signs each driver in, puts them on shift, and writes one bearer token per line.
 *
 * <p>{@code java Drivers.java --app http://127.0.0.1:18080 --admin-password PW [--count 200] [--out tokens.txt]}
 */
public class Drivers {

    static final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String app = "http://127.0.0.1:18080";
        String adminEmail = "admin@tiffin.local";
        String adminPassword = null;
        int count = 200;
        Path out = Path.of("tokens.txt");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--app" -> app = args[i + 1];
                case "--admin-email" -> adminEmail = args[i + 1];
                case "--admin-password" -> adminPassword = args[i + 1];
                case "--count" -> count = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String admin = login(app, adminEmail, adminPassword);
        String merchant = field(send(app, "POST", "/api/v1/merchants", admin, """
                {"name":"Bench Kitchen","currency":"INR","timezone":"Asia/Kolkata","address":"MG Road, Bengaluru",
                 "location":{"lat":12.9756,"lng":77.6050},"channels":{}}"""), "id");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "driver" + i + "@bench.tiffin.local";
            String password = "bench-driver-password-" + i;
            send(app, "POST", "/api/v1/merchants/" + merchant + "/users", admin,
                    "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"role\":\"DRIVER\"}");
            String token = login(app, email, password);
            send(app, "PUT", "/api/v1/driver/shift", token, "{\"online\":true}");
            tokens.add(token);
        }
        Files.write(out, tokens);
        System.out.println(count + " drivers of merchant " + merchant + " on shift; tokens in " + out);
    }

    static String login(String app, String email, String password) throws IOException, InterruptedException {
        return field(send(app, "POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"), "token");
    }

    static String send(String app, String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
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
}
