package io.tiffin.identity.internal;

import io.tiffin.identity.Audit;
import io.tiffin.identity.CurrentUser;
import io.tiffin.identity.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes the audit log: every successful data-changing API call of an admin or a merchant owner, with
 * who, what (method and path), when, the request body, the state before (when the controller gave it,
 * see {@link Audit}) and the answer as the state after. Passwords, secrets and tokens are redacted.
 * It runs after the security filters, so the caller is known; a failed write is logged and the call
 * still answers (the change has happened either way).
 */
@Component
class AuditRecorder extends OncePerRequestFilter {

    static final String COLLECTION = "audit_log";
    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<Role> AUDITED = Set.of(Role.ADMIN, Role.MERCHANT_OWNER);
    private static final Pattern MERCHANT = Pattern.compile("/merchants/([^/]+)");
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token).*");
    private static final int MAX_BODY = 8_000;

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final Clock clock;

    AuditRecorder(MongoTemplate mongo, ObjectMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!CHANGES.contains(request.getMethod())
                || !path.startsWith("/api/v1/")
                || path.startsWith("/api/v1/auth/")) {
            return true;
        }
        // the security filters ran first: webhooks, the web chat and drivers pass through unwrapped
        CurrentUser user = currentUser();
        return user == null || !AUDITED.contains(user.role());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingRequestWrapper req = new ContentCachingRequestWrapper(request, 64 * 1024);
        ContentCachingResponseWrapper res = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(req, res);
            if (res.getStatus() < 400) {
                record(currentUser(), req, res);
            }
        } finally {
            res.copyBodyToResponse();
        }
    }

    private void record(CurrentUser user, ContentCachingRequestWrapper req, ContentCachingResponseWrapper res) {
        try {
            Matcher merchant = MERCHANT.matcher(req.getRequestURI());
            Document entry = new Document("at", java.util.Date.from(clock.instant()))
                    .append(
                            "actor",
                            new Document("userId", user.userId())
                                    .append("email", user.email())
                                    .append("role", user.role().name())
                                    .append("merchantId", user.merchantId()))
                    .append("merchantId", merchant.find() ? merchant.group(1) : user.merchantId())
                    .append("method", req.getMethod())
                    .append("path", req.getRequestURI())
                    .append("status", res.getStatus())
                    .append("request", body(req.getContentAsByteArray(), req.getContentType()))
                    .append("before", redacted(req.getAttribute(Audit.BEFORE)))
                    .append("after", body(res.getContentAsByteArray(), res.getContentType()));
            mongo.insert(entry, COLLECTION);
        } catch (RuntimeException e) {
            log.warn("audit entry for {} {} not written", req.getMethod(), req.getRequestURI(), e);
        }
    }

    private static CurrentUser currentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
    }

    /** JSON bodies as redacted JSON text (a string keeps any key MongoDB would refuse); others by size. */
    private String body(byte[] content, String contentType) {
        if (content.length == 0) {
            return null;
        }
        if (contentType == null || !contentType.contains("json")) {
            return "(" + content.length + " bytes of " + contentType + ")";
        }
        try {
            return redacted(json.readValue(content, Object.class));
        } catch (RuntimeException notJson) {
            return truncate(new String(content, StandardCharsets.UTF_8));
        }
    }

    private String redacted(Object value) {
        if (value == null) {
            return null;
        }
        Object tree =
                value instanceof Map<?, ?> || value instanceof List<?> ? value : json.convertValue(value, Object.class);
        return truncate(json.writeValueAsString(redact(tree)));
    }

    private static Object redact(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(
                    k,
                    SECRET.matcher(String.valueOf(k)).matches() && !(v instanceof Boolean)
                            ? (v == null ? null : "***")
                            : redact(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AuditRecorder::redact).toList();
        }
        return value;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY) + "…";
    }
}
