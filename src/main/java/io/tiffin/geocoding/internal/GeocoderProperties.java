package io.tiffin.geocoding.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code GEOCODER_URL}: a Nominatim-compatible server's base URL; blank turns geocoding off. */
@ConfigurationProperties("tiffin.geocoder")
record GeocoderProperties(String url, Duration timeout, Integer cacheSize, Duration cacheTtl) {

    GeocoderProperties {
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        cacheSize = cacheSize == null ? 10_000 : cacheSize;
        cacheTtl = cacheTtl == null ? Duration.ofDays(1) : cacheTtl;
    }
}
