package io.tiffin.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("tiffin.auth")
record AuthProperties(
        @DefaultValue("12h") Duration tokenTtl,
        String tokenSecret,
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerClient,
        @DefaultValue("15m") Duration failureWindow) {}
