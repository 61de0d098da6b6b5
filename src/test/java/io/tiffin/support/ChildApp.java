package io.tiffin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.TiffinApplication;
import io.tiffin.platform.security.HmacSignatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app as a separate JVM from the test classpath, for tests that must kill it (SIGKILL, no shutdown
 * hooks) or run several: its own port, data directory and log file, and plain HTTP to talk to it.
 */
public class ChildApp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public final Process process;
    public final int port;
    public final Path log;

    protected ChildApp(ChildApp started) {
        this(started.process, started.port, started.log);
    }

    private ChildApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app on a free port with {@code TIFFIN_DATA_DIR} and {@code env} set, writing to {@code log}. */
    public static ChildApp start(Path log, Path dataDir, Map<String, String> env, List<String> args)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classPath,
                TiffinApplication.class.getName(),
                "--server.port=" + port));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TIFFIN_DATA_DIR", dataDir.toString());
        builder.environment().putAll(env);
        return new ChildApp(builder.start(), port, log);
    }

    /** Waits up to two minutes for {@code ready}, failing at once if the process exits. */
    public void awaitReady(BooleanSupplier ready) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the app exited; see " + log.toAbsolutePath());
                    }
                    return ready.getAsBoolean();
                });
    }

    public boolean healthy() {
        try {
            return "UP"
                    .equals(JSON.readTree(
                                    send("GET", "/actuator/health", null, null).body())
                            .path("status")
                            .asString(""));
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    public String login(String email, String password) {
        HttpResponse<String> response = send(
                "POST", "/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("token").asString();
    }

    /** Creates a merchant from its JSON and gives it the demo menu; answers its id. */
    public String createMerchant(String admin, String merchant) throws IOException {
        HttpResponse<String> created = send("POST", "/api/v1/merchants", admin, merchant);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asString();
        try (InputStream menu = ChildApp.class.getResourceAsStream("/demo/menu.json")) {
            assertThat(send(
                                    "PUT",
                                    "/api/v1/merchants/" + id + "/menu",
                                    admin,
                                    new String(menu.readAllBytes(), StandardCharsets.UTF_8))
                            .statusCode())
                    .isEqualTo(200);
        }
        return id;
    }

    /** Posts a WhatsApp webhook signed with {@code secret}; it must be acknowledged. */
    public void webhook(String secret, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HmacSignatures.hmacSha256Hex(secret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        assertThat(exchange(request).statusCode()).isEqualTo(200);
    }

    public HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    /** Kills the process and what it started (the embedded Redis), as a power cut would. */
    public void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
