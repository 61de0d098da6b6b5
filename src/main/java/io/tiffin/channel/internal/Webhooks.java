package io.tiffin.channel.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every provider webhook does the same way: read the body raw and capped (signatures are over
 * the exact bytes, and a huge body must not be buffered), and answer in the documented error shape.
 */
public final class Webhooks {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String OK = "{\"status\":\"ok\"}";

    private Webhooks() {}

    /** @return the body, or null when it is bigger than we accept, judged by header or by bytes read */
    public static byte[] readCapped(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0) {
                byte[] body = in.readNBytes((int) declared);
                return in.read() == -1 ? body : null;
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} body; a name given twice keeps its first
     * value (Twilio sends each once). Blank values are kept: Twilio signs them too.
     *
     * @throws IllegalArgumentException when the body is not valid form encoding
     */
    public static Map<String, String> formParameters(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        // a raw line break is never part of form encoding (it would be %0A): one at the end is a file's, not a value's
        String text = new String(body, StandardCharsets.UTF_8).stripTrailing();
        if (text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    public static ResponseEntity<String> ok() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OK);
    }

    public static ResponseEntity<String> error(HttpStatus status, String code, String message) {
        String body =
                "{\"error\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\",\"problems\":[]}";
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    public static ResponseEntity<String> tooLarge() {
        return error(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "the body is over 1 MiB");
    }

    public static ResponseEntity<String> unauthorized(String header) {
        return error(HttpStatus.UNAUTHORIZED, "invalid_signature", header + " is missing or does not match the body");
    }
}
