package io.tiffin.channel.sms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundSink;
import io.tiffin.channel.internal.ChoiceMemory;
import io.tiffin.channel.internal.Webhooks;
import io.tiffin.channel.twilio.TwilioSignature;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's inbound SMS webhook. The body is read raw and capped, the signature checked over the
 * public URL and the form parameters, then opt-out keywords are honoured before anything else; every
 * other text goes to the inbox and is answered through the REST API, so the webhook itself answers
 * an empty TwiML document.
 */
@RestController
@Tag(name = "Webhooks")
class SmsWebhookController {

    static final String PATH = "/webhooks/twilio/sms";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private static final Logger log = LoggerFactory.getLogger(SmsWebhookController.class);

    private final String authToken;
    private final String publicUrl;
    private final MerchantDirectory merchants;
    private final InboundSink sink;
    private final SmsOptOuts optOuts;
    private final ChoiceMemory choices;
    private final Clock clock;

    SmsWebhookController(
            SmsProperties properties,
            @Value("${tiffin.public-url:http://localhost:8080}") String publicUrl,
            MerchantDirectory merchants,
            InboundSink sink,
            SmsOptOuts optOuts,
            ChoiceMemory choices,
            Clock clock) {
        this.authToken = properties.authToken();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.merchants = merchants;
        this.sink = sink;
        this.optOuts = optOuts;
        this.choices = choices;
        this.clock = clock;
    }

    @PostMapping(PATH)
    @Operation(summary = "Twilio inbound SMS (form-encoded, X-Twilio-Signature); answers empty TwiML once stored")
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        byte[] body = Webhooks.readCapped(request);
        if (body == null) {
            return Webhooks.tooLarge();
        }
        String signature = request.getHeader(TwilioSignature.HEADER);
        if (signature == null || signature.isBlank()) {
            return Webhooks.unauthorized(TwilioSignature.HEADER);
        }
        Map<String, String> params;
        try {
            params = Webhooks.formParameters(body);
        } catch (IllegalArgumentException e) {
            return Webhooks.error(HttpStatus.BAD_REQUEST, "malformed_form", "the body is not form-encoded");
        }
        if (!TwilioSignature.isValid(authToken, signedUrl(request), params, signature)) {
            return Webhooks.unauthorized(TwilioSignature.HEADER);
        }
        try {
            return handle(params);
        } catch (SmsMapper.MalformedException e) {
            return Webhooks.error(HttpStatus.BAD_REQUEST, "unexpected_payload", e.getMessage());
        }
    }

    private ResponseEntity<String> handle(Map<String, String> params) {
        SmsMapper.sid(params);
        String from = SmsMapper.from(params);
        String to = SmsMapper.to(params);
        Optional<Merchant> merchant = merchants.bySmsNumber(to);
        if (merchant.isEmpty()) {
            log.info("Skipping an SMS to {}: no merchant is bound to that number", to);
            return twiml();
        }
        String merchantId = merchant.get().id();
        SmsKeywords keyword = SmsKeywords.of(params.get("Body"));
        // stop and start are settled here, before any conversation sees them; repeating them changes nothing
        if (keyword == SmsKeywords.STOP) {
            optOuts.stop(merchantId, from);
            log.info("Number opted out of SMS from merchant {}", merchantId);
            return twiml();
        }
        if (keyword == SmsKeywords.START
                || "YES".equalsIgnoreCase(params.getOrDefault("Body", "").strip())) {
            optOuts.start(merchantId, from);
            if (keyword == SmsKeywords.START) {
                return twiml();
            }
        }
        InboundMessage message =
                SmsMapper.map(params, merchantId, clock.instant(), n -> choices.pick(Channel.SMS, merchantId, from, n));
        sink.accept(List.of(message));
        return twiml();
    }

    /** The URL Twilio signed: the public one it was configured with, not what a proxy forwarded to us. */
    private String signedUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return publicUrl + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static ResponseEntity<String> twiml() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }
}
