package io.tiffin.channel.instagram;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.channel.InboundSink;
import io.tiffin.channel.internal.HubSignature;
import io.tiffin.channel.internal.Webhooks;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Meta's webhook for Instagram Messaging, the same way as WhatsApp's: the GET handshake, then POSTs
 * read raw, capped and signature-checked (with the Instagram app's own secret) before any parsing,
 * answered 200 only once the messages are stored.
 */
@RestController
@RequestMapping("/webhooks/instagram")
@Tag(name = "Webhooks")
class InstagramWebhookController {

    private static final Logger log = LoggerFactory.getLogger(InstagramWebhookController.class);

    private final HubSignature signature;
    private final String verifyToken;
    private final ObjectMapper json;
    private final MerchantDirectory merchants;
    private final InboundSink sink;
    private final Clock clock;

    InstagramWebhookController(
            InstagramProperties properties,
            ObjectMapper json,
            MerchantDirectory merchants,
            InboundSink sink,
            Clock clock) {
        this.signature = new HubSignature(properties.appSecret());
        this.verifyToken = properties.verifyToken();
        this.json = json;
        this.merchants = merchants;
        this.sink = sink;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary =
                    "Meta's webhook verification handshake for Instagram: answers hub.challenge when the token matches")
    ResponseEntity<String> verify(
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!HubSignature.handshakeAccepted(verifyToken, mode, token, challenge)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("forbidden");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping
    @Operation(summary = "Instagram Messaging events, signed with X-Hub-Signature-256; 200 once stored")
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        byte[] body = Webhooks.readCapped(request);
        if (body == null) {
            return Webhooks.tooLarge();
        }
        if (!signature.isValid(body, request.getHeader(HubSignature.HEADER))) {
            return Webhooks.unauthorized(HubSignature.HEADER);
        }
        InstagramMapper.Result mapped;
        try {
            mapped = InstagramMapper.map(
                    json.readTree(body),
                    account -> merchants.byInstagramAccountId(account).map(Merchant::id),
                    clock.instant());
        } catch (JacksonException e) {
            return Webhooks.error(HttpStatus.BAD_REQUEST, "malformed_json", "the body is not valid JSON");
        } catch (InstagramMapper.UnexpectedPayloadException e) {
            return Webhooks.error(HttpStatus.BAD_REQUEST, "unexpected_payload", e.getMessage());
        }
        if (!mapped.unknownAccounts().isEmpty()) {
            log.info("Skipping Instagram events for accounts no merchant is bound to: {}", mapped.unknownAccounts());
        }
        if (!mapped.messages().isEmpty()) {
            sink.accept(mapped.messages());
        }
        return Webhooks.ok();
    }
}
