package io.tiffin.channel.media;

import io.tiffin.channel.MediaRefusedException;
import io.tiffin.channel.MediaRefusedException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * GETs media from allowed hosts only. A URL in a webhook or an API answer is not trusted: its host
 * must be a provider's (or a configured provider URL's, or listed), the client never follows a
 * redirect by itself, and a redirect is followed only to another allowed host. The body is read up to
 * the cap and no further.
 */
@Component
@EnableConfigurationProperties(MediaProperties.class)
public class SafeDownloader {

    private static final int MAX_REDIRECTS = 3;

    private final MediaProperties properties;
    private final List<String> allowed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient http;

    public SafeDownloader(MediaProperties properties) {
        this.properties = properties;
        allowed.addAll(MediaProperties.PROVIDER_HOSTS);
        allowed.addAll(properties.hosts());
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout())
                .build();
    }

    /** Each provider's configured API URL joins the allow-list when its media source starts. */
    public void allowHostOf(String url) {
        if (url != null && !url.isBlank() && URI.create(url).getHost() != null) {
            allowed.add(URI.create(url).getHost().toLowerCase(Locale.ROOT));
        }
    }

    public long maxBytes() {
        return properties.maxBytes();
    }

    public boolean allowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || host.isEmpty() || uri.getUserInfo() != null) {
            return false;
        }
        return allowed.stream().anyMatch(a -> a.startsWith(".") ? host.endsWith(a) : host.equals(a));
    }

    /** The body of a GET, with these headers (a bearer token), from an allowed host. */
    public byte[] get(String url, Map<String, String> headers) {
        URI uri = URI.create(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!allowed(uri)) {
                throw new MediaRefusedException(Reason.HOST_NOT_ALLOWED, "media host not allowed: " + uri.getHost());
            }
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(uri).timeout(properties.timeout()).GET();
            headers.forEach(request::header);
            HttpResponse<InputStream> response = send(request.build());
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElse(null);
                close(response);
                if (location == null) {
                    throw new IllegalStateException("redirect without a Location from " + uri.getHost());
                }
                uri = uri.resolve(location);
                continue;
            }
            if (status != 200) {
                close(response);
                throw new IllegalStateException("media download answered " + status); // passing: retried
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > properties.maxBytes()) {
                close(response);
                throw new MediaRefusedException(Reason.TOO_LARGE, "media of " + length + " bytes");
            }
            return readCapped(response.body());
        }
        throw new IllegalStateException("too many redirects");
    }

    private byte[] readCapped(InputStream body) {
        try (body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = body.read(chunk)) > 0) {
                out.write(chunk, 0, n);
                if (out.size() > properties.maxBytes()) {
                    throw new MediaRefusedException(Reason.TOO_LARGE, "media over " + properties.maxBytes() + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing more to read from it either way
        }
    }
}
