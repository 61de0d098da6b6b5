package io.tiffin.channel.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.platform.text.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Which language a call speaks (the merchant number's, the caller's last, the conversation's), and
 * that its TwiML then carries that language with the words of {@code flows/templates}.
 */
class CallLanguageUnitTest {

    private final TwilioVoiceProperties properties =
            new TwilioVoiceProperties(null, null, null, null, null, null, null, Map.of("+91 40 4567 8900", "hi-IN"));
    private final VoicePrompts prompts =
            new VoicePrompts(new Templates(new DefaultResourceLoader(), "classpath:/flows/"), properties);

    @Test
    void aMerchantNumberSetToHindiStartsItsCallsInHindiAndACallerKeepsTheLanguageTheyLastSpoke() {
        VoiceCalls calls = new VoiceCalls();

        VoiceCalls.Call hindi =
                calls.start("CA1", "m1", "+919800000001", "+914045678900", properties.languageFor("+914045678900"));
        VoiceCalls.Call english =
                calls.start("CA2", "m2", "+919800000002", "+14155550100", properties.languageFor("+14155550100"));
        String started = hindi.language;
        calls.speaks(hindi, "en-IN");
        calls.end("CA1");
        VoiceCalls.Call again =
                calls.start("CA3", "m1", "+919800000001", "+914045678900", properties.languageFor("+914045678900"));

        assertThat(started).isEqualTo("hi-IN");
        assertThat(english.language).isEqualTo("en-IN");
        // the caller switched to English on the last call: the next one starts there, not in the number's Hindi
        assertThat(again.language).isEqualTo("en-IN");
    }

    @Test
    void aHindiCallSaysAndGathersInHindiWithTheHindiTemplates() {
        String greeting = prompts.say(
                "hi-IN",
                "greeting",
                Map.of(
                        "merchant",
                        "Spice Route",
                        "example",
                        prompts.say("hi-IN", "example", Map.of("first", "Butter Chicken", "second", "Garlic Naan"))));

        String xml = new Twiml("hi-IN", prompts.voice("hi-IN"))
                .ask(greeting, List.of("Butter Chicken", "Garlic Naan"))
                .xml();

        assertThat(xml)
                .contains(
                        "<Gather input=\"speech dtmf\"",
                        "language=\"hi-IN\" hints=\"Butter Chicken, Garlic Naan\"",
                        "<Say language=\"hi-IN\" voice=\"Polly.Aditi\">Spice Route में आपका स्वागत है। आप क्या ऑर्डर करना चाहेंगे? "
                                + "आप बोल सकते हैं, जैसे दो Butter Chicken और एक Garlic Naan।</Say>");
        assertThat(new Twiml("en-IN", prompts.voice("en-IN")).say("Hello").xml())
                .contains("<Say language=\"en-IN\">Hello</Say>");
    }

    @Test
    void repliesAreSpokenInTheirLanguageAndDecideTheCallsLanguage() {
        OutboundMessage hindi = new OutboundMessage(
                Channel.VOICE,
                "m1",
                "+919800000001",
                "🛒 *आपका ऑर्डर*\n2 × Butter Chicken: ₹698.00\n*कुल: ₹908.50*",
                List.of(
                        new OutboundMessage.Choice("confirm", "ऑर्डर पक्का करें"),
                        new OutboundMessage.Choice("cancel", "रद्द करें")),
                null);
        OutboundMessage english = new OutboundMessage(
                Channel.VOICE, "m1", "+919800000001", "✅ Thank you! Your order *#1042* is placed.", List.of(), null);

        assertThat(SpokenText.of(hindi, prompts, "hi-IN"))
                .isEqualTo("आपका ऑर्डर. 2 Butter Chicken: 698 रुपये. कुल: 908 रुपये 50 पैसे "
                        + "ऑर्डर पक्का करें के लिए हाँ बोलें या 1 दबाएँ। रद्द करें के लिए नहीं बोलें या 2 दबाएँ।");
        assertThat(SpokenText.of(english, prompts, "en-IN"))
                .isEqualTo("Thank you! Your order number 1 0 4 2 is placed.");
        assertThat(prompts.languageOf(List.of(english, hindi), "en-IN")).isEqualTo("hi-IN");
        assertThat(prompts.languageOf(List.of(english), "hi-IN")).isEqualTo("en-IN");
    }
}
