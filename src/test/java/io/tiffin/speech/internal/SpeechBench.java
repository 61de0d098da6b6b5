package io.tiffin.speech.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.tiffin.nlu.internal.DeterministicOrderParser;
import io.tiffin.speech.Audio;
import io.tiffin.speech.AudioDecoder;
import io.tiffin.speech.SpokenAudio;
import io.tiffin.speech.SpokenOrders;
import io.tiffin.speech.SpokenOrders.SpokenOrder;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The speech figures of bench/speech/README.md; runs only when asked ({@code -Dbench.speech=true}).
 * Writes bench/speech/results.txt.
 */
@EnabledIfSystemProperty(named = "bench.speech", matches = "true")
class SpeechBench extends IntegrationTestSupport {

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        report.append("load average at start: ")
                .append(Files.readString(Path.of("/proc/loadavg")).strip())
                .append('\n');
        Pocketsphinx engine =
                new Pocketsphinx(new SpeechProperties(null, null, null, null, null, null, null, null, null));
        AudioDecoder decoder = new AudioDecoder(Duration.ofMinutes(2));
        accuracy(engine, decoder);
        latency(engine, decoder);
        Files.writeString(Path.of("bench/speech/results.txt"), report);
        System.out.println(report);
    }

    /** Word error rate and cart-exact rate of the twenty spoken orders: menu grammar vs the general model. */
    private void accuracy(Pocketsphinx engine, AudioDecoder decoder) {
        DeterministicOrderParser parser = new DeterministicOrderParser();
        int words = 0;
        int[] errors = new int[2];
        int[] exact = new int[2];
        int[] carts = new int[2];
        for (SpokenOrder order : SpokenOrders.ORDERS) {
            Audio audio = decoder.decode(SpokenAudio.voiceNote(order.words()));
            String[] heard = {
                engine.recognize(audio, SpokenOrdersRecognitionTest.DEMO).text(), engine.freeSpeech(audio)
            };
            words += order.words().split(" ").length;
            for (int i = 0; i < 2; i++) {
                errors[i] +=
                        distance(order.words().split(" "), heard[i].isBlank() ? new String[0] : heard[i].split(" "));
                exact[i] += heard[i].equals(order.words()) ? 1 : 0;
                carts[i] += SpokenOrdersRecognitionTest.cart(parser.parse(heard[i], SpokenOrdersRecognitionTest.DEMO))
                                .equals(order.cart())
                        ? 1
                        : 0;
            }
            report.append(String.format("  %-70s | grammar: %s | general: %s%n", order.words(), heard[0], heard[1]));
        }
        report.append(String.format(
                Locale.ROOT,
                "%n| | menu grammar | general English model |%n|---|---|---|%n"
                        + "| word error rate | %.1f %% | %.1f %% |%n| transcripts word for word | %d / 20 | %d / 20 |%n"
                        + "| carts exactly right | %d / 20 | %d / 20 |%n%n",
                100.0 * errors[0] / words,
                100.0 * errors[1] / words,
                exact[0],
                exact[1],
                carts[0],
                carts[1]));
    }

    /** Twenty ten-second notes (three orders said one after another) from webhook to the cart reply. */
    private void latency(Pocketsphinx engine, AudioDecoder decoder) throws Exception {
        TestMerchant merchant = newMerchant("Bench Kitchen");
        stubGraphApi(merchant);
        List<SpokenOrder> orders = SpokenOrders.ORDERS;
        long[] millis = new long[20];
        double audioSeconds = 0;
        double recognitionSeconds = 0;
        for (int n = 0; n < 20; n++) {
            String words =
                    orders.get(n).words() + " and " + orders.get((n + 7) % 20).words() + " and "
                            + orders.get((n + 13) % 20).words();
            byte[] note = SpokenAudio.voiceNote(words);
            Audio audio = decoder.decode(note);
            long started = System.nanoTime();
            engine.recognize(audio, SpokenOrdersRecognitionTest.DEMO);
            recognitionSeconds += (System.nanoTime() - started) / 1e9;
            audioSeconds += audio.duration().toMillis() / 1000.0;

            String customer = newCustomer();
            String mediaId = "5" + n + System.nanoTime();
            GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/" + mediaId))
                    .willReturn(okJson("{\"url\":\"" + GRAPH.baseUrl() + "/media/" + mediaId + "\",\"file_size\":"
                            + note.length + "}")));
            GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/media/" + mediaId))
                    .willReturn(aResponse().withStatus(200).withBody(note)));
            String body = Files.readString(Path.of("../shared/fixtures/whatsapp/inbound_audio_voice.json"))
                    .replace(
                            "\"phone_number_id\": \"1111111111111\"",
                            "\"phone_number_id\": \"" + merchant.phoneNumberId() + "\"")
                    .replace("\"wa_id\": \"1111111111111\"", "\"wa_id\": \"" + customer + "\"")
                    .replace("\"from\": \"1111111111111\"", "\"from\": \"" + customer + "\"")
                    .replace(
                            "wamid.HBzk5zNkE1NNzAzgNNTUyNMDkzIYFDNFNhjMyNjcUCABQjA1NzcDY0M0AA==",
                            WhatsAppPayloads.newMessageId())
                    .replace("\"id\": \"827776106019109\"", "\"id\": \"" + mediaId + "\"");
            started = System.nanoTime();
            postWhatsApp(body);
            while (messagesTo(merchant, customer).isEmpty()) {
                Thread.sleep(10);
            }
            millis[n] = (System.nanoTime() - started) / 1_000_000;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        report.append(String.format(Locale.ROOT, "ten-second notes: mean audio %.1f s%n", audioSeconds / 20))
                .append("webhook to cart reply (ms): ")
                .append(Arrays.toString(millis))
                .append('\n')
                .append(String.format(
                        Locale.ROOT, "p50 %d ms, p95 %d ms, max %d ms%n", sorted[9], sorted[18], sorted[19]))
                .append(String.format(
                        Locale.ROOT,
                        "recognition alone: real-time factor %.3f (%.2f s for %.1f s of audio)%n",
                        recognitionSeconds / audioSeconds,
                        recognitionSeconds / 20,
                        audioSeconds / 20));
    }

    private static int distance(String[] reference, String[] heard) {
        int[][] d = new int[reference.length + 1][heard.length + 1];
        for (int i = 0; i <= reference.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= heard.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= reference.length; i++) {
            for (int j = 1; j <= heard.length; j++) {
                d[i][j] = Math.min(
                        Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (reference[i - 1].equals(heard[j - 1]) ? 0 : 1));
            }
        }
        return d[reference.length][heard.length];
    }
}
