package io.tiffin.channel.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

class BufferedJdkRequestsUnitTest {

    private final WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());
    private RestClient http;

    @BeforeEach
    void start() {
        provider.start();
        http = RestClient.builder()
                .baseUrl(provider.baseUrl())
                .requestFactory(ProviderHttp.requestFactory(Duration.ofSeconds(2), Duration.ofMillis(300)))
                .defaultHeader("Authorization", "Bearer token")
                .build();
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void sendsTheBodyAndHeadersAndReadsTheWholeAnswer() {
        provider.stubFor(post(urlEqualTo("/123/messages"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Answer", "yes")
                        .withBody("{\"id\":\"wamid.1\"}")));

        var answer = http.post()
                .uri("/{id}/messages", "123")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"text\":\"héllo\"}")
                .retrieve()
                .toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getHeaders().getFirst("X-Answer")).isEqualTo("yes");
        assertThat(answer.getBody()).isEqualTo("{\"id\":\"wamid.1\"}");
        provider.verify(postRequestedFor(urlEqualTo("/123/messages"))
                .withHeader("Authorization", equalTo("Bearer token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader(
                        "Content-Length",
                        equalTo(String.valueOf(
                                "{\"text\":\"héllo\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length)))
                .withRequestBody(equalTo("{\"text\":\"héllo\"}")));
    }

    @Test
    void anErrorAnswerIsReadLikeAnyOther() {
        provider.stubFor(post(urlEqualTo("/123/messages"))
                .willReturn(aResponse().withStatus(503).withBody("busy")));

        String seen = http.post()
                .uri("/123/messages")
                .body("{}")
                .exchange((request, response) -> response.getStatusCode().value() + " "
                        + new String(response.getBody().readAllBytes()));

        assertThat(seen).isEqualTo("503 busy");
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutFailsTheCallAsANetworkError() {
        provider.stubFor(post(urlEqualTo("/123/messages"))
                .willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(3000)));

        assertThatThrownBy(() ->
                        http.post().uri("/123/messages").body("{}").retrieve().toBodilessEntity())
                .isInstanceOf(ResourceAccessException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
    }
}
