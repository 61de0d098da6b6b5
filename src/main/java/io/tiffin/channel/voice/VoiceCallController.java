package io.tiffin.channel.voice;

import io.swagger.v3.oas.annotations.Hidden;
import io.tiffin.catalog.Catalog;
import io.tiffin.catalog.Menu;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundSink;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.twilio.TwilioSignature;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
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
 * conversation's replies come back through {@link VoiceAdapter} to be read out. Speech Twilio is not
 * sure of is repeated back and confirmed before it counts. The call speaks the language the
 * conversation answers in (Hindi: {@code hi-IN}, with the Hindi templates). Saying nothing twice ends
 * the call with a pointer to WhatsApp rather than asking forever.
 */
@Hidden
@RestController
@EnableConfigurationProperties(TwilioVoiceProperties.class)
class VoiceCallController {

    private static final MediaType XML = MediaType.APPLICATION_XML;
    private static final Set<String> YES = Set.of(
            "yes",
            "yes please",
            "yeah",
            "yep",
            "confirm",
            "ok",
            "okay",
            "sure",
            "right",
            "correct",
            "thats right",
            "haan",
            "han",
            "haa",
            "ha",
            "ji",
            "ji haan",
            "haan ji",
            "theek hai",
            "sahi",
            "sahi hai",
            "हाँ",
            "हां",
            "जी",
            "जी हाँ",
            "जी हां",
            "हाँ जी",
            "हां जी",
            "ठीक है",
            "सही",
            "सही है");
    private static final Set<String> NO = Set.of(
            "no",
            "no thanks",
            "nope",
            "cancel",
            "go back",
            "wrong",
            "nahin",
            "nahi",
            "nai",
            "galat",
            "नहीं",
            "नही",
            "ना",
            "गलत",
            "ग़लत");
    private static final Set<String> OVER = Set.of("completed", "busy", "failed", "no-answer", "canceled");
    private static final int MAX_HINTS = 100;

    private final TwilioVoiceProperties properties;
    private final String publicUrl;
    private final MerchantDirectory merchants;
    private final Catalog catalog;
    private final InboundSink inbox;
    private final VoiceCalls calls;
    private final TwilioSms sms;
    private final VoicePrompts prompts;

    VoiceCallController(
            TwilioVoiceProperties properties,
            @Value("${tiffin.public-url:http://localhost:8080}") String publicUrl,
            MerchantDirectory merchants,
            Catalog catalog,
            InboundSink inbox,
            VoiceCalls calls,
            TwilioSms sms,
            VoicePrompts prompts) {
        this.prompts = prompts;
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
            return notTaking(form.get("To"));
        }
        VoiceCalls.Call call = calls.start(
                form.get("CallSid"),
                merchant.get().id(),
                form.get("From"),
                form.get("To"),
                properties.languageFor(form.get("To")));
        return twiml(twiml(call)
                .ask(
                        prompts.say(
                                call.language,
                                "greeting",
                                Map.of(
                                        "merchant",
                                        merchant.get().name(),
                                        "example",
                                        example(merchant.get().id(), call.language))),
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
            return notTaking(form.get("To"));
        }
        String speech = form.getOrDefault("SpeechResult", "").strip();
        String digits = form.getOrDefault("Digits", "").strip();
        if (speech.isEmpty() && digits.isEmpty()) {
            return silence(call);
        }
        call.silences = 0;
        boolean confirmed = false;
        String unsure = call.unsure;
        if (unsure != null) {
            call.unsure = null;
            int answer = yesOrNo(speech, digits);
            if (answer == 0) {
                speech = unsure;
                digits = "";
                confirmed = true;
            } else if (answer == 1) {
                return twiml(twiml(call).ask(prompts.say(call.language, "say_again"), hints(call.merchantId)));
            }
            // anything else is said anew, and weighed like any speech
        }
        if (!confirmed && !speech.isEmpty() && unsure(form)) {
            call.unsure = speech;
            return twiml(twiml(call)
                    .ask(
                            prompts.say(
                                    call.language, "heard_check", Map.of("text", speech.replaceAll("[.?!।\\s]+$", ""))),
                            hints(call.merchantId)));
        }
        call.turns++;
        inbox.accept(List.of(message(call, speech, digits)));
        List<OutboundMessage> replies = VoiceCalls.await(call, properties.replyWait());
        if (replies.isEmpty()) {
            return twiml(twiml(call).ask(prompts.say(call.language, "too_slow"), hints(call.merchantId)));
        }
        String language = prompts.languageOf(replies, call.language);
        if (!language.equals(call.language)) {
            calls.speaks(call, language);
        }
        call.offered = replies.get(replies.size() - 1).buttons();
        String said = String.join(
                " ",
                replies.stream()
                        .map(r -> SpokenText.of(r, prompts, call.language))
                        .toList());
        Optional<OutboundMessage> placed =
                replies.stream().filter(r -> r.text().startsWith("✅")).findFirst();
        if (placed.isPresent()) {
            boolean texted = sms.send(
                    call.merchantNumber,
                    call.caller,
                    SpokenText.forSms(placed.get().text()));
            calls.end(call.sid);
            return twiml(twiml(call)
                    .say(said + (texted ? " " + prompts.say(call.language, "sms_sent") : "") + " "
                            + prompts.say(call.language, "goodbye"))
                    .hangup());
        }
        return twiml(twiml(call).ask(said, hints(call.merchantId)));
    }

    /** Where the call goes when a Gather heard nothing. */
    @PostMapping(path = "/webhooks/twilio/voice/silence", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> silence(HttpServletRequest request) {
        Map<String, String> form = form(request);
        if (!signed(request, form)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        VoiceCalls.Call call = call(form);
        return call == null
                ? twiml(new Twiml(properties.language(), prompts.voice(properties.language())).hangup())
                : silence(call);
    }

    @PostMapping(path = "/webhooks/twilio/voice/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request) {
        Map<String, String> form = form(request);
        if (!signed(request, form)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (OVER.contains(form.getOrDefault("CallStatus", "").toLowerCase(Locale.ROOT))
                && form.get("CallSid") != null) {
            calls.end(form.get("CallSid"));
        }
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<String> silence(VoiceCalls.Call call) {
        call.silences++;
        if (call.silences >= 2) {
            calls.end(call.sid);
            return twiml(twiml(call).say(prompts.say(call.language, "gone")).hangup());
        }
        return twiml(twiml(call).ask(prompts.say(call.language, "silence"), hints(call.merchantId)));
    }

    private ResponseEntity<String> notTaking(String number) {
        String language = properties.languageFor(number);
        return twiml(new Twiml(language, prompts.voice(language))
                .say(prompts.say(language, "not_taking"))
                .hangup());
    }

    private Twiml twiml(VoiceCalls.Call call) {
        return new Twiml(call.language, prompts.voice(call.language));
    }

    /**
     * Whether Twilio was unsure of what it heard: its {@code Confidence} (0 to 1) below the threshold.
     * No confidence given (some speech models send none) is not doubt.
     */
    private boolean unsure(Map<String, String> form) {
        String confidence = form.get("Confidence");
        if (confidence == null || confidence.isBlank()) {
            return false;
        }
        try {
            return Double.parseDouble(confidence.strip()) < properties.minConfidence();
        } catch (NumberFormatException e) {
            return false;
        }
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
        return merchants
                .bySmsNumber(form.get("To"))
                .map(m -> calls.start(
                        sid, m.id(), form.get("From"), form.get("To"), properties.languageFor(form.get("To"))))
                .orElse(null);
    }

    /** 0 for "yes" (or "haan", or key 1), 1 for "no" (or "nahin", or key 2), -1 for anything else. */
    private static int yesOrNo(String speech, String digits) {
        // letters with their marks: the vowel signs of "हाँ" are marks, not letters
        String words = speech.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N} ]", "")
                .replaceAll("\\s+", " ")
                .strip();
        return digits.equals("1") || YES.contains(words) ? 0 : digits.equals("2") || NO.contains(words) ? 1 : -1;
    }

    /** "yes" or 1 picks the first choice offered, "no" or 2 the second; anything else is what was said. */
    private static InboundMessage message(VoiceCalls.Call call, String speech, String digits) {
        String id = call.sid + "-" + call.turns;
        List<OutboundMessage.Choice> offered = call.offered;
        int pick = yesOrNo(speech, digits);
        if (pick >= 0 && pick < offered.size()) {
            OutboundMessage.Choice choice = offered.get(pick);
            return new InboundMessage(
                    Channel.VOICE,
                    id,
                    call.merchantId,
                    call.caller,
                    null,
                    Instant.now(),
                    InboundMessage.Kind.BUTTON_REPLY,
                    null,
                    new InboundMessage.Reply(choice.id(), choice.title(), null),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    call.caller);
        }
        return new InboundMessage(
                Channel.VOICE,
                id,
                call.merchantId,
                call.caller,
                null,
                Instant.now(),
                InboundMessage.Kind.TEXT,
                speech.isEmpty() ? digits : speech,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                call.caller);
    }

    /** The menu's item names, so Twilio's recognizer expects "paneer tikka" rather than "pioneer tick". */
    private List<String> hints(String merchantId) {
        return catalog.current(merchantId)
                .map(s -> s.menu()
                        .items()
                        .filter(Menu.Item::isAvailable)
                        .map(i -> i.name().replaceAll("\\([^)]*\\)", "").strip())
                        .distinct()
                        .limit(MAX_HINTS)
                        .toList())
                .orElse(List.of());
    }

    private String example(String merchantId, String language) {
        List<String> names = hints(merchantId);
        return names.isEmpty()
                ? prompts.say(language, "example_default")
                : prompts.say(
                        language,
                        "example",
                        Map.of("first", names.get(0), "second", names.size() > 1 ? names.get(1) : ""));
    }

    private boolean signed(HttpServletRequest request, Map<String, String> form) {
        String url = publicUrl
                + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
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
