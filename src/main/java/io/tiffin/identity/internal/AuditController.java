package io.tiffin.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.TenantAccess;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
class AuditController {

    record Actor(String userId, String email, String role, String merchantId) {}

    /** One change: before and after are JSON text (redacted), before only when the change knew it. */
    record AuditEntry(
            Instant at,
            Actor actor,
            String merchantId,
            String method,
            String path,
            int status,
            String request,
            String before,
            String after) {}

    record AuditPage(List<AuditEntry> items, long total, int page, int size) {}

    private final MongoTemplate mongo;
    private final TenantAccess access;

    AuditController(MongoTemplate mongo, TenantAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @GetMapping("/api/v1/admin/audit")
    @Operation(
            summary =
                    "Data changes by admins and owners, newest first, optionally of one merchant or by one actor's email (admin)")
    AuditPage list(
            @RequestParam(required = false) @Size(max = 64) String merchantId,
            @RequestParam(required = false) @Size(max = 254) String actor,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        access.requireAdmin();
        Criteria criteria = new Criteria();
        if (merchantId != null && !merchantId.isBlank()) {
            criteria.and("merchantId").is(merchantId.strip());
        }
        if (actor != null && !actor.isBlank()) {
            criteria.and("actor.email").is(actor.strip().toLowerCase(java.util.Locale.ROOT));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AuditRecorder.COLLECTION);
        List<AuditEntry> items = mongo
                .find(
                        query.with(Sort.by(Sort.Direction.DESC, "at", "_id"))
                                .skip((long) page * size)
                                .limit(size),
                        Document.class,
                        AuditRecorder.COLLECTION)
                .stream()
                .map(AuditController::entry)
                .toList();
        return new AuditPage(items, total, page, size);
    }

    private static AuditEntry entry(Document d) {
        Document a = d.get("actor", Document.class);
        return new AuditEntry(
                d.getDate("at") == null ? null : d.getDate("at").toInstant(),
                new Actor(a.getString("userId"), a.getString("email"), a.getString("role"), a.getString("merchantId")),
                d.getString("merchantId"),
                d.getString("method"),
                d.getString("path"),
                d.getInteger("status", 0),
                d.getString("request"),
                d.getString("before"),
                d.getString("after"));
    }
}
