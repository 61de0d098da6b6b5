package io.tiffin.speech.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} says which speech engines there are. Missing ones do not make the platform
 * DOWN: text ordering works without them, and voice notes are answered by asking to type.
 */
@Component("speech")
class SpeechHealth implements HealthIndicator {

    private final SpeechService speech;

    SpeechHealth(SpeechService speech) {
        this.speech = speech;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail(
                        "local", speech.localInstalled() ? "pocketsphinx" : "not installed (voice notes ask to type)")
                .withDetail("remote", speech.remoteConfigured() ? "configured" : "not configured")
                .build();
    }
}
