package io.tiffin.channel.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundDeliveryException;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.internal.ChannelAdapter;
import io.tiffin.channel.internal.ChoiceMemory;
import io.tiffin.channel.internal.ProviderHttp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls the Bot API with the merchant's own bot: replies ({@code sendMessage}), acknowledging taps
 * and removing the keyboard they came from, and registering the webhook. Server errors, network
 * errors and throttling are retried with backoff. The token is in every URL, so no URL is ever logged
 * or put into an exception.
 */
@Component
class TelegramClient implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(TelegramClient.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RestClient http;
    private final RetryTemplate retries;
    private final String apiUrl;
    private final TelegramBots bots;
    private final ChoiceMemory choices;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    TelegramClient(
            TelegramProperties properties,
            TelegramBots bots,
            ChoiceMemory choices,
            ObjectMapper json,
            ObjectProvider<MeterRegistry> meters) {
        this.apiUrl = properties.apiUrl();
        this.bots = bots;
        this.choices = choices;
        this.json = json;
        this.meters = meters.getIfAvailable();
        this.http = RestClient.builder()
                .requestFactory(ProviderHttp.requestFactory(properties.connectTimeout(), properties.readTimeout()))
                .build();
        this.retries = ProviderHttp.retries(
                properties.retry(), failure -> failure instanceof TelegramApiException t && t.retryable());
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public void send(OutboundMessage message) {
        String token = bots.token(message.merchantId())
                .orElseThrow(() -> failed(message.merchantId(), "merchant has no Telegram bot token", null));
        List<OutboundMessage.Choice> offered = ChoiceMemory.choicesOf(message);
        if (TelegramRenderer.needsMemory(offered)) {
            choices.remember(Channel.TELEGRAM, message.merchantId(), message.to(), offered);
        }
        for (ObjectNode body : TelegramRenderer.render(message)) {
            call(message.merchantId(), token, "sendMessage", body);
        }
    }

    /** Stops the spinner on the tapped button and removes the keyboard, so a choice is made once. */
    void acknowledge(String merchantId, TelegramMapper.Tap tap) {
        String token = bots.token(merchantId).orElse(null);
        if (token == null || tap == null) {
            return;
        }
        call(
                merchantId,
                token,
                "answerCallbackQuery",
                NODES.objectNode().put("callback_query_id", tap.callbackQueryId()));
        if (tap.messageId() > 0) {
            ObjectNode edit = NODES.objectNode().put("chat_id", tap.chatId()).put("message_id", tap.messageId());
            edit.putObject("reply_markup").putArray("inline_keyboard");
            call(merchantId, token, "editMessageReplyMarkup", edit);
        }
    }

    /** Points the merchant's bot at its own webhook with its secret; only messages and taps are wanted. */
    void setWebhook(String merchantId, String url) {
        String token = bots.token(merchantId).orElseThrow(() -> failed(merchantId, "no bot token to register", null));
        ObjectNode body = NODES.objectNode().put("url", url).put("secret_token", bots.webhookSecret(merchantId));
        body.putArray("allowed_updates").add("message").add("callback_query");
        call(merchantId, token, "setWebhook", body);
    }

    private void call(String merchantId, String token, String method, ObjectNode body) {
        String payload = json.writeValueAsString(body);
        try {
            retries.execute(() -> post(token, method, payload));
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            throw failed(
                    merchantId,
                    method + " gave up after " + (e.getRetryCount() + 1) + " attempt(s): " + last.getMessage(),
                    last instanceof TelegramApiException t ? t : null);
        }
    }

    private Integer post(String token, String method, String body) {
        try {
            return http.post()
                    .uri(apiUrl + "/bot" + token + "/" + method)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        byte[] answer = response.getBody().readAllBytes();
                        if (status >= 200 && status < 300) {
                            return status;
                        }
                        throw TelegramApiException.from(status, answer, json);
                    });
        } catch (RestClientException e) {
            throw TelegramApiException.unreachable(e);
        }
    }

    private OutboundDeliveryException failed(String merchantId, String reason, TelegramApiException cause) {
        log.error("Telegram call for merchant {} failed: {}", merchantId, reason);
        if (meters != null) {
            meters.counter("tiffin.outbound.failures", "channel", "telegram").increment();
        }
        String code = cause == null ? null : String.valueOf(cause.httpStatus());
        return new OutboundDeliveryException(Channel.TELEGRAM, code, "Telegram call failed: " + reason, cause);
    }
}
