package io.tiffin.channel.voice;

import io.tiffin.catalog.Catalog;
import io.tiffin.catalog.Menu;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundSink;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.twilio.TwilioSignature;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio Voice webhooks. A call is greeted with the merchant's name and asked for its order; each
 * answer (speech as Twilio heard it, or a key) goes into the inbox like any message, and the
 * conversation's replies come back through {@link VoiceAdapter} to be read out. Saying nothing twice
 * ends the call with a pointer to WhatsApp rather than asking forever.
 */
@Hidden
@RestController
@EnableConfigurationProperties(TwilioVoiceProperties.class)
class VoiceCallController {

    private static final MediaType XML = MediaType.APPLICATION_XML;
    private static final Set<String> YES = Set.of("yes", "yes please", "yeah", "yep", "confirm", "ok", "okay", "sure");
    private static final Set<String> NO = Set.of("no", "no thanks", "nope", "cancel", "go back");
    private static final Set<String> OVER = Set.of("completed", "busy", "failed", "no-answer", "canceled");
    private static final int MAX_HINTS = 100;

    private final TwilioVoiceProperties properties;
    private final String publicUrl;
    private final MerchantDirectory merchants;
    private final Catalog catalog;
    private final InboundSink inbox;
    private final VoiceCalls calls;
    private final TwilioSms sms;

    VoiceCallController(TwilioVoiceProperties properties, @Value("${tiffin.public-url:http://localhost:8080}") String publicUrl,
            MerchantDirectory merchants, Catalog catalog, InboundSink inbox, VoiceCalls calls, TwilioSms sms) {
        this.properties = properties;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.merchants = merchants;
        this.catalog = catalog;
        this.inbox = inbox;
        this.calls = calls;
        this.sms = sms;
    }

    @PostMapping(path = "/webhooks/twilio/voice", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> incoming(HttpServletRequest request) {
        Map<String, String> form = form(request);
        if (!signed(request, form)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Optional<Merchant> merchant = merchants.bySmsNumber(form.get("To"));
        if (merchant.isEmpty() || required(form, "CallSid", "From") == null) {
            return twiml(new Twiml(properties.language()).say("Sorry, this number does not take orders.").hangup());
        }
        calls.start(form.get("CallSid"), merchant.get().id(), form.get("From"), form.get("To"));
        return twiml(new Twiml(properties.language()).ask("Welcome to " + merchant.get().name()
                + ". What would you like to order? You can say, for example, " + example(merchant.get().id()) + ".",
                hints(merchant.get().id())));
    }

    @PostMapping(path = "/webhooks/twilio/voice/gather", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> gather(HttpServletRequest request) throws InterruptedException {
        Map<String, String> form = form(request);
        if (!signed(request, form)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        VoiceCalls.Call call = call(form);
        if (call == null) {
            return twiml(new Twiml(properties.language()).say("Sorry, this number does not take orders.").hangup());
        }
        String speech = form.getOrDefault("SpeechResult", "").strip();
        String digits = form.getOrDefault("Digits", "").strip();
        if (speech.isEmpty() && digits.isEmpty()) {
            return silence(call);
        }
        call.silences = 0;
        call.turns++;
        inbox.accept(List.of(message(call, speech, digits)));
        List<OutboundMessage> replies = VoiceCalls.await(call, properties.replyWait());
        if (replies.isEmpty()) {
            return twiml(new Twiml(properties.language()).ask("Sorry, that took me too long. Please say it again.",
                    hints(call.merchantId)));
        }
        call.offered = replies.get(replies.size() - 1).buttons();
        String said = String.join(" ", replies.stream().map(SpokenText::of).toList());
        Optional<OutboundMessage> placed = replies.stream().filter(r -> r.text().startsWith("✅")).findFirst();
        if (placed.isPresent()) {
            boolean texted = sms.send(call.merchantNumber, call.caller, SpokenText.forSms(placed.get().text()));
            calls.end(call.sid);
            return twiml(new Twiml(properties.language()).say(said + (texted ? " We have sent your order number by SMS." : "")
                    + " Thank you for calling. Goodbye.").hangup());
        }
        return twiml(new Twiml(properties.language()).ask(said, hints(call.merchantId)));
    }

    /** Where the call goes when a Gather heard nothing. */
    @PostMapping(path = "/webhooks/twilio/voice/silence", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> silence(HttpServletRequest request) {
        Map<String, String> form = form(request);
        if (!signed(request, form)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        VoiceCalls.Call call = call(form);
        return call == null ? twiml(new Twiml(properties.language()).hangup()) : silence(call);
    }

    @PostMapping(path = "/webhooks/twilio/voice/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request) {
        Map<String, String> form = form(request);
        if (!signed(request, form)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (OVER.contains(form.getOrDefault("CallStatus", "").toLowerCase(Locale.ROOT)) && form.get("CallSid") != null) {
            calls.end(form.get("CallSid"));
        }
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<String> silence(VoiceCalls.Call call) {
        call.silences++;
        if (call.silences >= 2) {
            calls.end(call.sid);
            return twiml(new Twiml(properties.language()).say("Sorry, we could not hear you. Please send us your order "
                    + "on WhatsApp, or call again later. Goodbye.").hangup());
        }
        return twiml(new Twiml(properties.language()).ask("Sorry, I did not hear anything. What would you like to order?",
                hints(call.merchantId)));
    }

    /** The call this webhook is about; after a restart, picked up again from its own addressing. */
    private VoiceCalls.Call call(Map<String, String> form) {
        String sid = form.get("CallSid");
        if (sid == null) {
            return null;
        }
        VoiceCalls.Call call = calls.get(sid);
        if (call != null || form.get("From") == null) {
            return call;
        }
        return merchants.bySmsNumber(form.get("To")).map(m -> calls.start(sid, m.id(), form.get("From"), form.get("To")))
                .orElse(null);
    }

    /** "yes" or 1 picks the first choice offered, "no" or 2 the second; anything else is what was said. */
    private static InboundMessage message(VoiceCalls.Call call, String speech, String digits) {
        String id = call.sid + "-" + call.turns;
        String words = speech.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").strip();
        List<OutboundMessage.Choice> offered = call.offered;
        int pick = digits.equals("1") || YES.contains(words) ? 0 : digits.equals("2") || NO.contains(words) ? 1 : -1;
        if (pick >= 0 && pick < offered.size()) {
            OutboundMessage.Choice choice = offered.get(pick);
            return new InboundMessage(Channel.VOICE, id, call.merchantId, call.caller, null, Instant.now(),
                    InboundMessage.Kind.BUTTON_REPLY, null, new InboundMessage.Reply(choice.id(), choice.title(), null),
                    null, null, null, null, null, null, null, call.caller);
        }
        return new InboundMessage(Channel.VOICE, id, call.merchantId, call.caller, null, Instant.now(),
                InboundMessage.Kind.TEXT, speech.isEmpty() ? digits : speech, null, null, null, null, null, null, null,
                null, call.caller);
    }

    /** The menu's item names, so Twilio's recognizer expects "paneer tikka" rather than "pioneer tick". */
    private List<String> hints(String merchantId) {
        return catalog.current(merchantId).map(s -> s.menu().items().filter(Menu.Item::isAvailable)
                .map(i -> i.name().replaceAll("\\([^)]*\\)", "").strip()).distinct().limit(MAX_HINTS).toList())
                .orElse(List.of());
    }

    private String example(String merchantId) {
        List<String> names = hints(merchantId);
        return names.isEmpty() ? "two of your favourite dish"
                : "two " + names.get(0) + (names.size() > 1 ? " and one " + names.get(1) : "");
    }

    private boolean signed(HttpServletRequest request, Map<String, String> form) {
        String url = publicUrl + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return TwilioSignature.isValid(properties.authToken(), url, form, request.getHeader(TwilioSignature.HEADER));
    }

    private static Map<String, String> form(HttpServletRequest request) {
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
        return form;
    }

    private static String required(Map<String, String> form, String... names) {
        for (String name : names) {
            if (form.get(name) == null || form.get(name).isBlank()) {
                return null;
            }
        }
        return "ok";
    }

    private static ResponseEntity<String> twiml(Twiml twiml) {
        return ResponseEntity.ok().contentType(XML).body(twiml.xml());
    }
}
