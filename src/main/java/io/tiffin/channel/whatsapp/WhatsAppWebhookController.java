package io.tiffin.channel.whatsapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.channel.InboundSink;
import io.tiffin.channel.internal.HubSignature;
import io.tiffin.channel.internal.Webhooks;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Meta's webhook for WhatsApp Cloud API: the GET verification handshake and POSTed messages and
 * statuses. The body is read raw, size-capped and signature-checked before any parsing, and Meta gets
 * its 200 only after the sink has stored the messages.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
@Tag(name = "Webhooks")
class WhatsAppWebhookController {

    static final int MAX_BODY_BYTES = Webhooks.MAX_BODY_BYTES;

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);

    private final WhatsAppSignatureVerifier signatures;
    private final String verifyToken;
    private final ObjectMapper json;
    private final MerchantDirectory merchants;
    private final InboundSink sink;

    WhatsAppWebhookController(
            WhatsAppSignatureVerifier signatures,
            WhatsAppProperties properties,
            ObjectMapper json,
            MerchantDirectory merchants,
            InboundSink sink) {
        this.signatures = signatures;
        this.verifyToken = properties.verifyToken();
        this.json = json;
        this.merchants = merchants;
        this.sink = sink;
    }

    // no "produces": Meta's Accept header must never turn the handshake into a 406
    @GetMapping
    @Operation(summary = "Meta's webhook verification handshake: answers hub.challenge when hub.verify_token matches")
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
    @Operation(summary = "WhatsApp Cloud API messages and statuses, signed with X-Hub-Signature-256; 200 once stored")
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        byte[] body = Webhooks.readCapped(request);
        if (body == null) {
            return Webhooks.tooLarge();
        }
        if (!signatures.isValid(body, request.getHeader(WhatsAppSignatureVerifier.HEADER))) {
            return Webhooks.unauthorized(HubSignature.HEADER);
        }
        WhatsAppMapper.Result mapped;
        try {
            JsonNode root = json.readTree(body);
            mapped = WhatsAppMapper.map(root, this::merchantId);
        } catch (JacksonException e) {
            return Webhooks.error(HttpStatus.BAD_REQUEST, "malformed_json", "the body is not valid JSON");
        } catch (WhatsAppMapper.UnexpectedPayloadException e) {
            return Webhooks.error(HttpStatus.BAD_REQUEST, "unexpected_payload", e.getMessage());
        }
        if (!mapped.unknownPhoneNumberIds().isEmpty()) {
            log.info(
                    "Skipping WhatsApp events for phone number ids no merchant is bound to: {}",
                    mapped.unknownPhoneNumberIds());
        }
        if (!mapped.messages().isEmpty()) {
            sink.accept(mapped.messages());
        }
        return Webhooks.ok();
    }

    private Optional<String> merchantId(String phoneNumberId) {
        return merchants.byWhatsappPhoneNumberId(phoneNumberId).map(Merchant::id);
    }
}
