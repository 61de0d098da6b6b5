package io.tiffin.channel.instagram;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundDeliveryException;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.TemplateFallback;
import io.tiffin.channel.internal.ChannelAdapter;
import io.tiffin.channel.internal.GraphApiException;
import io.tiffin.channel.internal.ProviderHttp;
import io.tiffin.merchant.MerchantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends Instagram DMs through the Send API ({@code POST /{ig-account-id}/messages}) from the account
 * bound to the merchant. Server errors, network errors and Meta's throttling are retried with
 * backoff, like WhatsApp; other refusals fail at once.
 */
@Component
class InstagramClient implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(InstagramClient.class);

    private final RestClient http;
    private final RetryTemplate retries;
    private final MerchantDirectory merchants;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    InstagramClient(
            InstagramProperties properties,
            MerchantDirectory merchants,
            ObjectMapper json,
            ObjectProvider<MeterRegistry> meters) {
        this.merchants = merchants;
        this.json = json;
        this.meters = meters.getIfAvailable();
        this.http = RestClient.builder()
                .baseUrl(properties.graphUrl())
                .requestFactory(ProviderHttp.requestFactory(properties.connectTimeout(), properties.readTimeout()))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.accessToken())
                .build();
        this.retries = ProviderHttp.retries(properties.retry(), InstagramClient::worthRetrying);
    }

    @Override
    public Channel channel() {
        return Channel.INSTAGRAM;
    }

    @Override
    public void send(OutboundMessage message) {
        sendTracked(message, null);
    }

    @Override
    public void send(OutboundMessage message, TemplateFallback fallback) {
        sendTracked(message, fallback);
    }

    /**
     * Outside the 24-hour standard window (the caller knows it from when the customer last wrote) the
     * update goes tagged {@code HUMAN_AGENT}, which Meta accepts for 7 days after the customer's last
     * message; later than that the caller does not send at all.
     *
     * @return the id Meta gave the last part sent
     */
    @Override
    public String sendTracked(OutboundMessage message, TemplateFallback fallback) {
        boolean humanAgent = fallback != null && fallback.windowClosed();
        String account = merchants
                .recent(message.merchantId())
                .map(m -> m.channels().instagramAccountId())
                .filter(id -> id != null && !id.isBlank())
                .orElseThrow(() -> failed(message, null, "merchant has no Instagram account bound", null));
        String sent = null;
        for (ObjectNode body : InstagramRenderer.render(message, humanAgent)) {
            String payload = json.writeValueAsString(body);
            try {
                sent = retries.execute(() -> post(account, payload));
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
        return sent;
    }

    private String post(String account, String body) {
        return http.post()
                .uri("/{account}/messages", account)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    byte[] answer = response.getBody().readAllBytes();
                    if (status >= 200 && status < 300) {
                        return InstagramMapper.text(json.readTree(answer).get("message_id"));
                    }
                    throw GraphApiException.from(status, answer, json);
                });
    }

    private OutboundDeliveryException failed(OutboundMessage message, String code, String reason, Throwable cause) {
        log.error("Instagram send for merchant {} failed: code={} {}", message.merchantId(), code, reason);
        if (meters != null) {
            meters.counter("tiffin.outbound.failures", "channel", "instagram").increment();
        }
        return new OutboundDeliveryException(Channel.INSTAGRAM, code, "Instagram send failed: " + reason, cause);
    }

    static boolean worthRetrying(Throwable failure) {
        if (failure instanceof GraphApiException graph) {
            return graph.retryable();
        }
        return failure instanceof ResourceAccessException;
    }
}
