package io.tiffin.speech.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.speech.Audio;
import io.tiffin.speech.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An OpenAI-compatible {@code POST /v1/audio/transcriptions} server (a Whisper server, say): the audio
 * as a WAV file part, the model, and the menu's item names in the prompt so dish names are spelled as
 * the menu spells them.
 */
class RemoteTranscriber {

    /** Whisper reads at most 224 prompt tokens; item names past about this many characters are cut. */
    private static final int PROMPT_CHARS = 600;

    private final SpeechProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    RemoteTranscriber(SpeechProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.remoteTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    boolean configured() {
        return properties.baseUrl() != null;
    }

    Transcript recognize(Audio audio, MenuSnapshot menu, String languageHint) throws IOException, InterruptedException {
        String boundary = "----tiffin" + UUID.randomUUID().toString().replace("-", "");
        Multipart body = new Multipart(boundary)
                .field("model", properties.model())
                .field("response_format", "json")
                .field("temperature", "0");
        if (menu != null) {
            body.field("prompt", prompt(menu.menu()));
        }
        if (languageHint != null && !languageHint.isBlank()) {
            body.field("language", languageHint);
        }
        body.file("file", "voice.wav", "audio/wav", audio.toWav());
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/v1/audio/transcriptions"))
                .timeout(properties.remoteTimeout())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("transcription server answered " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        String text = answer.path("text")
                .asString("")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}' ]+", " ");
        return new Transcript(text, 0.8, "remote");
    }

    static String prompt(Menu menu) {
        Set<String> names = new LinkedHashSet<>();
        menu.items().filter(Menu.Item::isAvailable).forEach(i -> names.add(SpokenForms.of(i.name())));
        names.removeIf(String::isBlank);
        String prompt = "An order from the menu: " + String.join(", ", names) + ".";
        return prompt.length() <= PROMPT_CHARS
                ? prompt
                : prompt.substring(0, prompt.lastIndexOf(", ", PROMPT_CHARS)) + ".";
    }

    /** multipart/form-data as RFC 7578 writes it. */
    private static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart(String boundary) {
            this.boundary = boundary;
        }

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
