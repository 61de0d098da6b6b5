package io.tiffin.channel.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Requests to providers through the JDK's HTTP client, each body handed over in one piece and each
 * answer read in one piece. Provider calls are small JSON both ways; Spring's own JDK request factory
 * streams every body through a writer task on another thread and wraps every answer in a timeout
 * handler whose cancellation throws three exceptions per call, which together cost more than the call.
 * The read timeout is the request's timeout: an answer that does not come in time fails the call
 * (an {@link java.net.http.HttpTimeoutException}, which the clients retry like any network error).
 */
final class BufferedJdkRequests implements ClientHttpRequestFactory {

    // the JDK client sets these itself and refuses them from callers
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Duration timeout;

    BufferedJdkRequests(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
        return new Request(uri, method);
    }

    private final class Request extends AbstractBufferingClientHttpRequest {

        private final URI uri;
        private final HttpMethod method;

        Request(URI uri, HttpMethod method) {
            this.uri = uri;
            this.method = method;
        }

        @Override
        public HttpMethod getMethod() {
            return method;
        }

        @Override
        public URI getURI() {
            return uri;
        }

        @Override
        protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            if (timeout != null) {
                request.timeout(timeout);
            }
            headers.forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.method(
                    method.name(),
                    body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                return new Response(client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for " + uri);
                interrupted.initCause(e);
                throw interrupted;
            }
        }
    }

    private static final class Response implements ClientHttpResponse {

        private final HttpResponse<byte[]> response;
        private final HttpHeaders headers = new HttpHeaders();

        Response(HttpResponse<byte[]> response) {
            this.response = response;
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) { // HTTP/2 pseudo-headers
                    headers.addAll(name, values);
                }
            });
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(response.statusCode());
        }

        @Override
        public String getStatusText() {
            return "";
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public InputStream getBody() {
            byte[] body = response.body();
            return new ByteArrayInputStream(body == null ? new byte[0] : body);
        }

        @Override
        public void close() {}
    }
}
