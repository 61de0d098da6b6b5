package io.tiffin.channel.whatsapp;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiffin.channel.Channel;
import io.tiffin.channel.NotDeliverableException;
import io.tiffin.channel.OutboundDeliveryException;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.TemplateFallback;
import io.tiffin.channel.internal.ChannelAdapter;
import io.tiffin.channel.internal.GraphApiException;
import io.tiffin.channel.internal.ProviderHttp;
import io.tiffin.merchant.MerchantDirectory;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilderFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends on WhatsApp through the Cloud API ({@code POST /{phone-number-id}/messages}) from the number
 * bound to the merchant. Server errors, network errors and Meta's throttling are retried with
 * exponential backoff; other refusals fail at once.
 */
@Component
class WhatsAppClient implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppClient.class);

    private final RestClient http;
    private final UriBuilderFactory graph;
    /**
     * Each sending number's messages URI, expanded once: expanding the template per reply was a sixth of the
     * send's own CPU. One entry per number bound to a merchant.
     */
    private final Map<String, URI> messagesUris = new ConcurrentHashMap<>();

    private final RetryTemplate retries;
    private final MerchantDirectory merchants;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    @Autowired
    WhatsAppClient(
            WhatsAppProperties properties,
            MerchantDirectory merchants,
            ObjectMapper json,
            ObjectProvider<MeterRegistry> meters) {
        this(properties, merchants, json, meters.getIfAvailable());
    }

    WhatsAppClient(
            WhatsAppProperties properties, MerchantDirectory merchants, ObjectMapper json, MeterRegistry meters) {
        this.merchants = merchants;
        this.json = json;
        this.meters = meters;
        // the same expansion and encoding RestClient gives a template on its base URL
        this.graph = new DefaultUriBuilderFactory(properties.graphUrl());
        this.http = RestClient.builder()
                .baseUrl(properties.graphUrl())
                .requestFactory(ProviderHttp.requestFactory(properties.connectTimeout(), properties.readTimeout()))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.accessToken())
                .build();
        WhatsAppProperties.Retry retry = properties.retry();
        this.retries = ProviderHttp.retries(
                new ProviderHttp.Retry(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(), retry.jitter()),
                WhatsAppClient::worthRetrying);
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    /** Meta's "re-engagement message": more than 24 hours since the customer last wrote. */
    static final String OUTSIDE_WINDOW = "131047";

    @Override
    public void send(OutboundMessage message) {
        post(message, WhatsAppRenderer.render(message));
    }

    @Override
    public void send(OutboundMessage message, TemplateFallback fallback) {
        sendTracked(message, fallback);
    }

    /**
     * The free-form update first; Meta alone knows the window for sure, so its refusal decides. Meta
     * may still refuse later, in a status webhook naming the id answered here (131047 too).
     */
    @Override
    public String sendTracked(OutboundMessage message, TemplateFallback fallback) {
        if (fallback != null && fallback.windowClosed()) {
            if (!fallback.hasTemplate()) {
                throw new NotDeliverableException(
                        Channel.WHATSAPP,
                        null,
                        "outside the 24-hour window and no approved template is set for this update");
            }
            return post(message, WhatsAppRenderer.template(message.to(), fallback));
        }
        try {
            return post(message, WhatsAppRenderer.render(message));
        } catch (OutboundDeliveryException e) {
            if (!OUTSIDE_WINDOW.equals(e.providerCode())) {
                throw e;
            }
            if (fallback == null || !fallback.hasTemplate()) {
                throw new NotDeliverableException(
                        Channel.WHATSAPP,
                        OUTSIDE_WINDOW,
                        "outside the 24-hour window and no approved template is set for this update");
            }
            return post(message, WhatsAppRenderer.template(message.to(), fallback));
        }
    }

    /** @return the id Meta gave the message ({@code wamid....}), null when its answer had none */
    private String post(OutboundMessage message, tools.jackson.databind.node.ObjectNode rendered) {
        String phoneNumberId = merchants
                .recent(message.merchantId())
                .map(m -> m.channels().whatsappPhoneNumberId())
                .filter(id -> id != null && !id.isBlank())
                .orElseThrow(() -> failed(message, null, "merchant has no WhatsApp phone number id bound", null));
        String body = json.writeValueAsString(rendered);
        try {
            return retries.execute(() -> post(phoneNumberId, body));
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            String code = last instanceof GraphApiException g ? g.code() : null;
            throw failed(
                    message,
                    code,
                    "gave up after " + (e.getRetryCount() + 1) + " attempt(s): " + last.getMessage(),
                    last);
        }
    }

    private String post(String phoneNumberId, String body) {
        return http.post()
                .uri(messagesUris.computeIfAbsent(phoneNumberId, id -> graph.expand("/{phoneNumberId}/messages", id)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    byte[] answer = response.getBody().readAllBytes();
                    if (status >= 200 && status < 300) {
                        return WhatsAppMapper.text(
                                json.readTree(answer).path("messages").path(0).get("id"));
                    }
                    throw GraphApiException.from(status, answer, json);
                });
    }

    private OutboundDeliveryException failed(OutboundMessage message, String code, String reason, Throwable cause) {
        log.error(
                "WhatsApp send for merchant {} to {} failed: code={} {}",
                message.merchantId(),
                message.to(),
                code,
                reason);
        if (meters != null) {
            meters.counter(
                            "tiffin.outbound.failures",
                            "channel",
                            Channel.WHATSAPP.name().toLowerCase(Locale.ROOT))
                    .increment();
        }
        return new OutboundDeliveryException(Channel.WHATSAPP, code, "WhatsApp send failed: " + reason, cause);
    }

    static boolean worthRetrying(Throwable failure) {
        if (failure instanceof GraphApiException graph) {
            return graph.retryable();
        }
        return failure instanceof ResourceAccessException;
    }
}
