package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.platform.store.EmbeddedRedis;
import io.tiffin.support.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded Redis dies under the running app: sign-in fails closed at once instead of holding a
 * thread for a minute, health says Redis is what is down, and the app starts Redis again by itself.
 */
class RedisOutageIntegrationTest extends IntegrationTestSupport {

    /** Far below the minute a request used to hang, far above any healthy answer. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Autowired
    EmbeddedRedis redis;

    @Test
    void aHungRedisFailsSignInFastAndHealthNamesIt() throws Exception {
        ProcessHandle server = redis.process().orElseThrow();
        signal("STOP", server);
        try {
            HttpResponse<String> login = send(request("/api/v1/auth/login")
                    .timeout(PATIENCE)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"wrong\"}"))
                    .build());
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(parse(login).get("message").asString()).contains("sign-in is unavailable");

            HttpResponse<String> health =
                    send(request("/actuator/health").timeout(PATIENCE).GET().build());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(parse(health).at("/components/redis/status").asString()).isEqualTo("DOWN");
            assertThat(parse(health).at("/components/mongo/status").asString()).isEqualTo("UP");
        } finally {
            signal("CONT", server);
        }
        awaitHealthy();
    }

    @Test
    void aDeadEmbeddedRedisIsStartedAgainByTheApp() {
        ProcessHandle server = redis.process().orElseThrow();
        server.destroyForcibly();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> redis.process().map(p -> p.pid() != server.pid()).orElse(false));
        awaitHealthy();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(login(ADMIN_EMAIL, ADMIN_PASSWORD)).isNotBlank());
    }

    private void awaitHealthy() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        send(request("/actuator/health").timeout(PATIENCE).GET().build())
                                        .statusCode()
                                == 200);
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                        .start()
                        .waitFor())
                .isZero();
    }
}
