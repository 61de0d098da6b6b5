package io.tiffin.dispatch.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.TravelMatrix;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OsrmTravelTimesUnitTest {

    static final List<GeoPoint> POINTS = List.of(new GeoPoint(12.9716, 77.5946), new GeoPoint(12.9352, 77.6245));
    static final String TABLE_PATH =
            "/table/v1/driving/77.594600,12.971600;77.624500,12.935200?annotations=duration,distance";

    final WireMockServer osrm = new WireMockServer(options().dynamicPort());
    final HaversineTravelTimes straightLine = new HaversineTravelTimes(1.3, 25);
    OsrmTravelTimes travelTimes;

    @BeforeEach
    void start() {
        osrm.start();
        travelTimes =
                new OsrmTravelTimes("http://localhost:" + osrm.port() + "/", Duration.ofSeconds(3), 16, straightLine);
    }

    @AfterEach
    void stop() {
        osrm.stop();
    }

    @Test
    void readsDurationsAndDistancesFromTheTableService() {
        osrm.stubFor(get(urlEqualTo(TABLE_PATH)).willReturn(okJson("""
                {"code":"Ok","durations":[[0,812.4],[790.1,0]],"distances":[[0,6210.3],[6005.8,0]],
                 "sources":[{"hint":"x","distance":1.2,"name":"MG Road","location":[77.5946,12.9716]},
                            {"hint":"y","distance":0.4,"name":"","location":[77.6245,12.9352]}],
                 "destinations":[{"hint":"x","distance":1.2,"name":"MG Road","location":[77.5946,12.9716]},
                                 {"hint":"y","distance":0.4,"name":"","location":[77.6245,12.9352]}]}
                """)));

        TravelMatrix matrix = travelTimes.matrix(POINTS);

        assertThat(matrix.duration(0, 1)).isEqualTo(812.4);
        assertThat(matrix.duration(1, 0)).isEqualTo(790.1);
        assertThat(matrix.distance(0, 1)).isEqualTo(6210.3);
    }

    @Test
    void cachesAnswersForTheSamePoints() {
        osrm.stubFor(
                get(urlEqualTo(TABLE_PATH))
                        .willReturn(
                                okJson(
                                        "{\"code\":\"Ok\",\"durations\":[[0,812.4],[790.1,0]],\"distances\":[[0,6210.3],[6005.8,0]]}")));

        travelTimes.matrix(POINTS);
        travelTimes.matrix(POINTS);

        osrm.verify(1, getRequestedFor(urlPathMatching("/table/v1/driving/.*")));
    }

    @Test
    void fallsBackToStraightLineWhenOsrmIsTooSlow() {
        osrm.stubFor(get(urlEqualTo(TABLE_PATH))
                .willReturn(okJson("{\"code\":\"Ok\",\"durations\":[[0,1],[1,0]],\"distances\":[[0,1],[1,0]]}")
                        .withFixedDelay(5000)));
        OsrmTravelTimes impatient = new OsrmTravelTimes(osrm.baseUrl(), Duration.ofMillis(300), 16, straightLine);

        TravelMatrix matrix = impatient.matrix(POINTS);

        assertThat(matrix.distance(0, 1)).isCloseTo(straightLine.matrix(POINTS).distance(0, 1), within(1e-6));
    }

    @Test
    void fallsBackToStraightLineWhenOsrmAnswersWithAnErrorCode() {
        osrm.stubFor(
                get(urlPathMatching("/table/v1/driving/.*"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"code\":\"InvalidQuery\",\"message\":\"Query string malformed close to position 42\"}")));

        TravelMatrix matrix = travelTimes.matrix(POINTS);

        assertThat(matrix.duration(0, 1)).isCloseTo(straightLine.matrix(POINTS).duration(0, 1), within(1e-6));
        assertThat(matrix.duration(0, 1)).isGreaterThan(0);
    }

    @Test
    void estimatesOnlyTheCellsOsrmCannotRoute() {
        osrm.stubFor(get(urlEqualTo(TABLE_PATH))
                .willReturn(okJson(
                        "{\"code\":\"Ok\",\"durations\":[[0,null],[790.1,0]],\"distances\":[[0,null],[6005.8,0]]}")));

        TravelMatrix matrix = travelTimes.matrix(POINTS);

        assertThat(matrix.duration(1, 0)).isEqualTo(790.1);
        assertThat(matrix.distance(0, 1)).isCloseTo(straightLine.matrix(POINTS).distance(0, 1), within(1e-6));
    }

    @Test
    void straightLineEstimateStretchesTheGreatCircle() {
        TravelMatrix matrix = straightLine.matrix(POINTS);

        // about 5.1 km apart as the crow flies, 1.3x on the road, at 25 km/h
        assertThat(matrix.distance(0, 1)).isCloseTo(5.1 * 1300, within(300.0));
        assertThat(matrix.duration(0, 1)).isCloseTo(matrix.distance(0, 1) / (25 / 3.6), within(1e-6));
    }
}
