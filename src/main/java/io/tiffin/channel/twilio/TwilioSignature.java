package io.tiffin.channel.twilio;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tiffin.platform.security.HmacSignatures;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 HMAC-SHA1 of the full URL followed by every POST
 * parameter as name+value, sorted by name. JSON bodies are signed through a {@code bodySHA256} query
 * parameter instead. Twilio may or may not have counted the default port, so both forms are tried.
 */
public final class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    // every webhook is signed with the same token and names one of a few URLs: key set-up and URL
    // rewriting once each, not per request (bounded, since the query string is the sender's to choose)
    private static final Cache<String, HmacSignatures.Signer> SIGNERS =
            Caffeine.newBuilder().maximumSize(16).build();
    private static final Cache<String, Set<String>> URL_FORMS =
            Caffeine.newBuilder().maximumSize(1_000).build();

    private TwilioSignature() {}

    public static String compute(String authToken, String url, Map<String, String> params) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        HmacSignatures.Signer signer =
                SIGNERS.get(authToken, token -> HmacSignatures.hmacSha1Signer(token.getBytes(StandardCharsets.UTF_8)));
        return Base64.getEncoder().encodeToString(signer.sign(signed.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A form POST: the URL as Twilio requested it and the decoded form parameters. */
    public static boolean isValid(String authToken, String url, Map<String, String> params, String signature) {
        if (authToken == null || authToken.isEmpty() || signature == null) {
            return false;
        }
        boolean valid = false;
        for (String candidate : URL_FORMS.get(url, TwilioSignature::withAndWithoutDefaultPort)) {
            // no short-circuit, so timing does not reveal which form matched
            valid |= HmacSignatures.constantTimeEquals(compute(authToken, candidate, params), signature);
        }
        return valid;
    }

    /** A JSON POST: the URL carries {@code bodySHA256}, which must match the raw body too. */
    public static boolean isValidJson(String authToken, String url, byte[] rawBody, String signature) {
        String claimedHash = queryParameter(url, "bodySHA256");
        return claimedHash != null
                && HmacSignatures.constantTimeEquals(bodySha256(rawBody), claimedHash)
                && isValid(authToken, url, Map.of(), signature);
    }

    public static String bodySha256(byte[] rawBody) {
        return HmacSignatures.sha256Hex(rawBody);
    }

    static Set<String> withAndWithoutDefaultPort(String url) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(url);
        try {
            URI uri = new URI(url);
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String authority = uri.getRawAuthority();
            if (authority == null) {
                return forms;
            }
            String withPort = uri.getPort() == -1
                    ? authority + ":" + defaultPort
                    : uri.getPort() == defaultPort ? authority.substring(0, authority.lastIndexOf(':')) : authority;
            forms.add(url.replaceFirst("://" + Pattern.quote(authority), Matcher.quoteReplacement("://" + withPort)));
        } catch (URISyntaxException e) {
            // not a URI we can rewrite; the URL as given is the only candidate
        }
        return forms;
    }

    private static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }
}
