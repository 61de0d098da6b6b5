package io.tiffin.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What a WireMock standing in for the WhatsApp Graph API was asked to send. */
public final class GraphMessages {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private GraphMessages() {}

    /** The texts (or interactive bodies) sent to this customer from this phone number id, oldest first. */
    public static List<String> sentTo(WireMockServer graph, String phoneNumberId, String customer) {
        return graph
                .findAll(postRequestedFor(urlEqualTo("/" + phoneNumberId + "/messages"))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(customer))))
                .stream()
                .map(r -> JSON.readTree(r.getBodyAsString()))
                .map(m -> m.has("text")
                        ? m.at("/text/body").asString()
                        : m.at("/interactive/body/text").asString())
                .toList();
    }
}
