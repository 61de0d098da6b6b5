package io.tiffin.channel.telegram;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundSink;
import io.tiffin.channel.internal.ChoiceMemory;
import io.tiffin.channel.internal.Webhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The webhook each merchant's bot is registered to. The secret token is checked before the body is
 * parsed; the update is stored before Telegram gets its 200. A tapped button is acknowledged (and its
 * keyboard removed) after the answer, on the side: it only stops a spinner, and must not slow the ack.
 */
@RestController
@Tag(name = "Webhooks")
class TelegramWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final TelegramBots bots;
    private final TelegramClient client;
    private final ObjectMapper json;
    private final InboundSink sink;
    private final ChoiceMemory choices;
    private final Clock clock;
    private final ExecutorService acknowledgements = Executors.newVirtualThreadPerTaskExecutor();

    TelegramWebhookController(
            TelegramBots bots,
            TelegramClient client,
            ObjectMapper json,
            InboundSink sink,
            ChoiceMemory choices,
            Clock clock) {
        this.bots = bots;
        this.client = client;
        this.json = json;
        this.sink = sink;
        this.choices = choices;
        this.clock = clock;
    }

    @PostMapping("/webhooks/telegram/{merchantId}")
    @Operation(summary = "Telegram Bot API updates for one merchant's bot, with its X-Telegram-Bot-Api-Secret-Token")
    ResponseEntity<String> receive(@PathVariable String merchantId, HttpServletRequest request) throws IOException {
        byte[] body = Webhooks.readCapped(request);
        if (body == null) {
            return Webhooks.tooLarge();
        }
        if (!bots.secretMatches(merchantId, request.getHeader(TelegramBots.SECRET_HEADER))) {
            return Webhooks.error(
                    HttpStatus.UNAUTHORIZED,
                    "invalid_secret_token",
                    TelegramBots.SECRET_HEADER + " is missing or wrong");
        }
        if (bots.token(merchantId).isEmpty()) {
            log.info("Skipping a Telegram update for merchant {}, which has no bot", merchantId);
            return Webhooks.ok();
        }
        TelegramMapper.Result mapped;
        try {
            mapped = TelegramMapper.map(
                    json.readTree(body),
                    merchantId,
                    clock.instant(),
                    (chat, n) -> choices.pick(Channel.TELEGRAM, merchantId, chat, n));
        } catch (JacksonException e) {
            return Webhooks.error(HttpStatus.BAD_REQUEST, "malformed_json", "the body is not valid JSON");
        } catch (TelegramMapper.UnexpectedPayloadException e) {
            return Webhooks.error(HttpStatus.BAD_REQUEST, "unexpected_payload", e.getMessage());
        }
        if (mapped == null) {
            return Webhooks.ok();
        }
        sink.accept(List.of(mapped.message()));
        if (mapped.tap() != null) {
            acknowledgements.execute(() -> {
                try {
                    client.acknowledge(merchantId, mapped.tap());
                } catch (RuntimeException e) {
                    log.warn("Could not acknowledge a Telegram tap for merchant {}: {}", merchantId, e.getMessage());
                }
            });
        }
        return Webhooks.ok();
    }
}
