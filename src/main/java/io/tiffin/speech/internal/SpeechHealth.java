package io.tiffin.speech.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} says which speech engines there are. Missing ones do not make the platform
 * DOWN: text ordering works without them, and voice notes are answered by asking to type. A
 * transcription server that keeps failing makes it DEGRADED (voice goes to the local engine meanwhile),
 * a status outside the health order, so the platform stays UP.
 */
@Component("speech")
class SpeechHealth implements HealthIndicator {

    static final Status DEGRADED =
            new Status("DEGRADED", "the transcription server failed repeatedly; local engine only");

    private final SpeechService speech;

    SpeechHealth(SpeechService speech) {
        this.speech = speech;
    }

    @Override
    public Health health() {
        String remote = !speech.remoteConfigured()
                ? "not configured"
                : speech.serverLeftAlone() ? "failing; left alone for now" : "configured";
        return (speech.serverLeftAlone() ? Health.status(DEGRADED) : Health.up())
                .withDetail(
                        "local", speech.localInstalled() ? "pocketsphinx" : "not installed (voice notes ask to type)")
                .withDetail("remote", remote)
                .build();
    }
}
