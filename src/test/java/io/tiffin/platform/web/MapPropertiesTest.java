package io.tiffin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapPropertiesTest {

    private static String source(String tileUrl) {
        return new MapProperties(tileUrl, "", 19).cspSource();
    }

    @Test
    void theTileServersOriginIsTheOnlyImageSourceAllowed() {
        assertThat(source("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://tile.openstreetmap.org");
        assertThat(source("http://tiles.internal:8081/osm/{z}/{x}/{y}.png")).isEqualTo("http://tiles.internal:8081");
    }

    @Test
    void subdomainPlaceholdersBecomeAWildcard() {
        assertThat(source("https://{s}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.org");
    }

    @Test
    void anythingThatIsNotAnHttpOriginAddsNothing() {
        assertThat(source("/tiles/{z}/{x}/{y}.png")).isEmpty();
        assertThat(source("javascript://x/{z}")).isEmpty();
        assertThat(source("https://evil.example; script-src *")).isEmpty();
        assertThat(source("https://a.example 'unsafe-inline'/{z}")).isEmpty();
        assertThat(source("")).isEmpty();
    }
}
