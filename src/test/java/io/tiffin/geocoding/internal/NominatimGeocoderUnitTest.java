package io.tiffin.geocoding.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.geocoding.Geocoder;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Nominatim client against a stand-in speaking Nominatim's {@code format=jsonv2}. */
class NominatimGeocoderUnitTest {

    private static final Geocoder.Near MG_ROAD = new Geocoder.Near(12.9756, 77.6050);

    private final WireMockServer nominatim = new WireMockServer(wireMockConfig().dynamicPort());
    private NominatimGeocoder geocoder;

    @BeforeEach
    void start() {
        nominatim.start();
        geocoder = new NominatimGeocoder(
                new GeocoderProperties(nominatim.baseUrl() + "/", Duration.ofSeconds(2), 100, Duration.ofHours(1)),
                "Tiffin/1.0 (+http://localhost:8080)");
    }

    @AfterEach
    void stop() {
        nominatim.stop();
    }

    @Test
    void readsTheFirstMatchNearTheMerchantAndAsksOnlyOnce() {
        nominatim.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson("""
                [{"place_id":240109189,"licence":"Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
                  "osm_type":"way","osm_id":28424915,"lat":"12.9733795","lon":"77.6066934","category":"highway",
                  "type":"primary","place_rank":26,"importance":0.2107,"addresstype":"road","name":"Brigade Road",
                  "display_name":"Brigade Road, Shanthala Nagar, Bengaluru, Karnataka, 560001, India",
                  "boundingbox":["12.9665","12.9746","77.6063","77.6077"]}]""")));

        var place = geocoder.locate("  12  Brigade Road ", MG_ROAD);
        var again = geocoder.locate("12 brigade road", MG_ROAD);

        assertThat(place).hasValueSatisfying(p -> {
            assertThat(p.lat()).isEqualTo(12.9733795);
            assertThat(p.lng()).isEqualTo(77.6066934);
            assertThat(p.displayName()).startsWith("Brigade Road");
        });
        assertThat(again).isEqualTo(place);
        nominatim.verify(
                1,
                getRequestedFor(urlPathEqualTo("/search"))
                        .withQueryParam("q", equalTo("12 Brigade Road"))
                        .withQueryParam("format", equalTo("jsonv2"))
                        .withQueryParam("limit", equalTo("1"))
                        .withQueryParam("viewbox", equalTo("77.3050,13.2756,77.9050,12.6756"))
                        .withHeader("User-Agent", containing("Tiffin")));
    }

    @Test
    void noMatchIsEmptyAndRemembered() {
        nominatim.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson("[]")));

        assertThat(geocoder.locate("7 Nowhere Lane", MG_ROAD)).isEmpty();
        assertThat(geocoder.locate("7 Nowhere Lane", MG_ROAD)).isEmpty();
        nominatim.verify(1, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void aFailingServerFindsNothingAndIsAskedAgainNextTime() {
        nominatim.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(503)));

        assertThat(geocoder.locate("12 Brigade Road", MG_ROAD)).isEmpty();
        assertThat(geocoder.locate("12 Brigade Road", MG_ROAD)).isEmpty();
        nominatim.verify(2, getRequestedFor(urlPathEqualTo("/search")));
    }
}
