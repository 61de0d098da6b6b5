package io.tiffin.speech.internal;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.tiffin.catalog.Catalog;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.speech.Audio;
import io.tiffin.speech.AudioDecoder;
import io.tiffin.speech.SpeechRecognizer;
import io.tiffin.speech.SpeechUnavailableException;
import io.tiffin.speech.Transcript;
import io.tiffin.speech.VoiceTranscriber;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Picks the engine: the transcription server when one is configured (it also speaks Hindi), falling
 * back to the local menu grammar when it fails or is slow; the local engine alone otherwise. A server
 * that keeps failing (down or hung past {@code STT_TIMEOUT}) is left alone for a while after
 * {@value #FAILURES_TO_OPEN} failures in a row, then tried with one voice note (a resilience4j circuit
 * breaker); at most {@code STT_CONCURRENCY} voice notes wait for it at once, the others go straight to
 * the local engine, so a hung server never holds more handling threads than that.
 */
@Service
@EnableConfigurationProperties(SpeechProperties.class)
class SpeechService implements SpeechRecognizer, VoiceTranscriber, org.springframework.beans.factory.DisposableBean {

    static final int FAILURES_TO_OPEN = 3;
    static final Duration OPEN_FOR = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SpeechService.class);

    private final Pocketsphinx local;
    private final RemoteTranscriber remote;
    private final Catalog catalog;
    private final AudioDecoder decoder;
    private final CircuitBreaker serverBreaker;
    private final Bulkhead serverInFlight;

    @org.springframework.beans.factory.annotation.Autowired
    SpeechService(SpeechProperties properties, Catalog catalog, ObjectMapper json) {
        this(
                new Pocketsphinx(properties),
                new RemoteTranscriber(properties, json),
                catalog,
                new AudioDecoder(properties.maxDuration(), new Ffmpeg(properties.ffmpeg(), properties.localTimeout())),
                properties.remoteConcurrency());
    }

    SpeechService(
            Pocketsphinx local,
            RemoteTranscriber remote,
            Catalog catalog,
            AudioDecoder decoder,
            int remoteConcurrency) {
        this.local = local;
        this.remote = remote;
        this.catalog = catalog;
        this.decoder = decoder;
        this.serverBreaker = CircuitBreaker.of(
                "speech-server",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(FAILURES_TO_OPEN)
                        .minimumNumberOfCalls(FAILURES_TO_OPEN)
                        .failureRateThreshold(100)
                        .waitDurationInOpenState(OPEN_FOR)
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
        this.serverInFlight = Bulkhead.of(
                "speech-server",
                BulkheadConfig.custom()
                        .maxConcurrentCalls(remoteConcurrency)
                        .maxWaitDuration(Duration.ZERO)
                        .build());
        if (!local.installed()) {
            // said once here; every voice note after this is answered by asking to type (or goes to the server)
            log.warn(
                    "Local speech recognition is off: pocketsphinx (Debian packages pocketsphinx, pocketsphinx-en-us) "
                            + "is not installed{}",
                    remote.configured() ? "; voice goes to STT_BASE_URL only" : "");
        }
    }

    @Override
    public Transcript transcribe(byte[] audio, String merchantId, String languageHint) {
        Audio pcm = decoder.decode(audio);
        return recognize(pcm, catalog.current(merchantId).orElse(null), languageHint);
    }

    @Override
    public boolean available() {
        return local.installed() || remote.configured();
    }

    @Override
    public Transcript recognize(Audio audio, MenuSnapshot menu, String languageHint) {
        if (remote.configured() && serverInFlight.tryAcquirePermission()) {
            Transcript heard = null;
            try {
                if (serverBreaker.tryAcquirePermission()) {
                    heard = fromServer(audio, menu, languageHint);
                }
            } finally {
                serverInFlight.onComplete();
            }
            if (heard != null) {
                return heard;
            }
        }
        if (!local.installed()) {
            throw new SpeechUnavailableException("no speech engine: pocketsphinx is not installed");
        }
        return local.recognize(audio, menu);
    }

    /** The server's transcript, or null when it failed (the local engine answers then). */
    private Transcript fromServer(Audio audio, MenuSnapshot menu, String languageHint) {
        long started = System.nanoTime();
        try {
            Transcript heard = remote.recognize(audio, menu, languageHint);
            serverBreaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return heard;
        } catch (IOException | RuntimeException e) {
            serverBreaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            log.warn("Transcription server failed ({}); using the local engine", e.toString());
            return null;
        } catch (InterruptedException e) {
            serverBreaker.releasePermission();
            Thread.currentThread().interrupt();
            throw new SpeechUnavailableException("interrupted", e);
        }
    }

    /** Whether the server is being left alone after failing (voice notes go to the local engine meanwhile). */
    boolean serverLeftAlone() {
        return remote.configured() && serverBreaker.getState() != CircuitBreaker.State.CLOSED;
    }

    @Override
    public void destroy() {
        local.close();
    }

    boolean localInstalled() {
        return local.installed();
    }

    boolean remoteConfigured() {
        return remote.configured();
    }
}
