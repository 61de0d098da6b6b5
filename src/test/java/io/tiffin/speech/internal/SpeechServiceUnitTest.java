package io.tiffin.speech.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.speech.Audio;
import io.tiffin.speech.AudioDecoder;
import io.tiffin.speech.SpeechUnavailableException;
import io.tiffin.speech.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engine choice without real engines: a Whisper-compatible server played by WireMock, and scripts
 * standing in for pocketsphinx (one that answers, one that hangs).
 */
class SpeechServiceUnitTest {

    private static final WireMockServer WHISPER =
            new WireMockServer(wireMockConfig().dynamicPort());
    private static final Audio ONE_SECOND = new Audio(new byte[Audio.SAMPLE_RATE * 2]);

    @TempDir
    Path dir;

    private final java.util.List<SpeechService> made = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void close() {
        made.forEach(SpeechService::destroy);
    }

    @BeforeAll
    static void start() {
        WHISPER.start();
    }

    @AfterAll
    static void stop() {
        WHISPER.stop();
    }

    @Test
    void theServerGetsTheAudioAsAMultipartFileWithTheModelAndTheMenuInThePrompt() throws IOException {
        WHISPER.stubFor(post(urlEqualTo("/v1/audio/transcriptions"))
                .willReturn(okJson("{\"text\":\"Two butter chicken, and three garlic naan.\"}")));
        SpeechService speech = service(localAnswering("unused"), WHISPER.baseUrl() + "/", Duration.ofSeconds(5));

        Transcript heard = speech.recognize(ONE_SECOND, SpokenOrdersRecognitionTest.DEMO, "en");

        assertThat(heard.text()).isEqualTo("two butter chicken and three garlic naan");
        assertThat(heard.engine()).isEqualTo("remote");
        WHISPER.verify(postRequestedFor(urlEqualTo("/v1/audio/transcriptions"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBodyPart(aMultipart()
                        .withName("model")
                        .withBody(equalTo("whisper-test"))
                        .build())
                .withRequestBodyPart(aMultipart()
                        .withName("language")
                        .withBody(equalTo("en"))
                        .build())
                .withRequestBodyPart(aMultipart()
                        .withName("prompt")
                        .withBody(containing("butter chicken, paneer butter masala"))
                        .build())
                .withRequestBodyPart(aMultipart()
                        .withName("file")
                        .withHeader("Content-Type", equalTo("audio/wav"))
                        .withHeader("Content-Disposition", containing("filename=\"voice.wav\""))
                        .build()));
    }

    @Test
    void aSlowServerFallsBackToTheLocalEngine() throws IOException {
        WHISPER.stubFor(post(urlEqualTo("/v1/audio/slow/v1/audio/transcriptions"))
                .willReturn(okJson("{\"text\":\"too late\"}").withFixedDelay(3000)));
        SpeechService speech = service(
                localAnswering("two butter chicken"), WHISPER.baseUrl() + "/v1/audio/slow", Duration.ofMillis(300));

        Transcript heard = speech.recognize(ONE_SECOND, SpokenOrdersRecognitionTest.DEMO, "en");

        assertThat(heard.text()).isEqualTo("two butter chicken");
        assertThat(heard.engine()).isEqualTo("menu-grammar");
    }

    @Test
    void aHungServerIsLeftAloneAfterRepeatedFailuresAndHealthSaysSo() throws IOException {
        String path = "/v1/audio/hung";
        WHISPER.stubFor(post(urlEqualTo(path + "/v1/audio/transcriptions"))
                .willReturn(okJson("{\"text\":\"too late\"}").withFixedDelay(3000)));
        SpeechService speech =
                service(localAnswering("two butter chicken"), WHISPER.baseUrl() + path, Duration.ofMillis(200));
        SpeechHealth health = new SpeechHealth(speech);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");

        for (int i = 0; i < SpeechService.FAILURES_TO_OPEN + 3; i++) {
            Transcript heard = speech.recognize(ONE_SECOND, SpokenOrdersRecognitionTest.DEMO, "en");
            assertThat(heard.engine()).isEqualTo("menu-grammar");
        }

        // asked until the third failure in a row, then left alone: the others went straight to the local engine
        WHISPER.verify(SpeechService.FAILURES_TO_OPEN, postRequestedFor(urlEqualTo(path + "/v1/audio/transcriptions")));
        assertThat(health.health().getStatus()).isEqualTo(SpeechHealth.DEGRADED);
    }

    @Test
    void onlyAFewVoiceNotesWaitForTheServerAtOnce() throws Exception {
        String path = "/v1/audio/busy";
        WHISPER.stubFor(post(urlEqualTo(path + "/v1/audio/transcriptions"))
                .willReturn(okJson("{\"text\":\"too late\"}").withFixedDelay(3000)));
        SpeechService speech =
                service(localAnswering("two butter chicken"), WHISPER.baseUrl() + path, Duration.ofSeconds(1));

        java.util.List<java.util.concurrent.Future<Transcript>> heard = new java.util.ArrayList<>();
        try (var notes = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                heard.add(notes.submit(() -> speech.recognize(ONE_SECOND, SpokenOrdersRecognitionTest.DEMO, "en")));
            }
        }

        for (var one : heard) {
            assertThat(one.get().engine()).isEqualTo("menu-grammar");
        }
        // two may wait for the server (the configured concurrency); the six others never queued for it
        assertThat(WHISPER.findAll(postRequestedFor(urlEqualTo(path + "/v1/audio/transcriptions"))))
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aHungLocalEngineIsStoppedAndReportedUnavailable() throws IOException {
        SpeechService speech = service(script("#!/bin/sh\nsleep 20\n"), null, Duration.ofSeconds(1));

        long started = System.nanoTime();
        assertThatThrownBy(() -> speech.recognize(ONE_SECOND, SpokenOrdersRecognitionTest.DEMO, "en"))
                .isInstanceOf(SpeechUnavailableException.class)
                .hasMessageContaining("longer than");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void withoutPocketsphinxOrAServerNoEngineIsAvailable() {
        SpeechService speech = service(dir.resolve("no-such-pocketsphinx"), null, Duration.ofSeconds(1));

        assertThat(speech.available()).isFalse();
        assertThatThrownBy(() -> speech.recognize(ONE_SECOND, null, null))
                .isInstanceOf(SpeechUnavailableException.class);
    }

    private SpeechService service(Path pocketsphinx, String baseUrl, Duration remoteTimeout) {
        try {
            Path model = Files.createDirectories(dir.resolve("model/en-us")).getParent();
            Files.writeString(model.resolve("cmudict-en-us.dict"), "two T UW\n");
            SpeechProperties properties = new SpeechProperties(
                    pocketsphinx.toString(),
                    model,
                    Duration.ofMillis(500),
                    baseUrl,
                    "whisper-test",
                    remoteTimeout,
                    Duration.ofMinutes(2),
                    null,
                    2);
            SpeechService service = new SpeechService(
                    new Pocketsphinx(properties),
                    new RemoteTranscriber(properties, JsonMapper.builder().build()),
                    null,
                    new AudioDecoder(properties.maxDuration()),
                    properties.remoteConcurrency());
            made.add(service);
            return service;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path localAnswering(String words) throws IOException {
        return script("#!/bin/sh\necho '" + words + "'\n");
    }

    private Path script(String text) throws IOException {
        Path script = Files.createTempFile(dir, "pocketsphinx-", ".sh");
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
