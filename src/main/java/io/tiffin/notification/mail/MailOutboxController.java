package io.tiffin.notification.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.TenantAccess;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emails the platform sent or, without a SendGrid key, kept in the local outbox ({@code state}
 * {@code OUTBOX}), newest first: the demo's way to read them. Admin only.
 */
@RestController
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
class MailOutboxController {

    record EmailView(
            String key,
            String kind,
            String to,
            String subject,
            String text,
            String html,
            String state,
            Instant createdAt) {}

    private final MongoTemplate mongo;
    private final TenantAccess access;

    MailOutboxController(MongoTemplate mongo, TenantAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @GetMapping("/api/v1/admin/emails")
    @Operation(summary = "Emails sent or kept in the local outbox, newest first (admin)")
    List<EmailView> emails(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        access.requireAdmin();
        return mongo
                .find(
                        new Query()
                                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                                .limit(limit),
                        Document.class,
                        Mails.COLLECTION)
                .stream()
                .map(d -> new EmailView(
                        d.getString("_id"),
                        d.getString("kind"),
                        d.getString("to"),
                        d.getString("subject"),
                        d.getString("text"),
                        d.getString("html"),
                        d.getString("state"),
                        d.getDate("createdAt") == null
                                ? null
                                : d.getDate("createdAt").toInstant()))
                .toList();
    }
}
