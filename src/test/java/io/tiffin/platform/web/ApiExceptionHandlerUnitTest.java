package io.tiffin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages written for people pass; anything naming a Java type gives way to the fallback. */
class ApiExceptionHandlerUnitTest {

    @Test
    void messagesNamingJavaTypesAreReplaced() {
        assertThat(ApiExceptionHandler.safe("No enum constant io.tiffin.ordering.OrderStatus.FOO", "fallback"))
                .isEqualTo("fallback");
        assertThat(ApiExceptionHandler.safe(
                        "Cannot deserialize value of type `io.tiffin.identity.internal.AuthController$LoginRequest`",
                        "fallback"))
                .isEqualTo("fallback");
        assertThat(ApiExceptionHandler.safe("java.lang.IllegalStateException: boom", "fallback"))
                .isEqualTo("fallback");
        assertThat(ApiExceptionHandler.safe("Outer$Inner failed", "fallback")).isEqualTo("fallback");
        assertThat(ApiExceptionHandler.safe(null, "fallback")).isEqualTo("fallback");
        assertThat(ApiExceptionHandler.safe("  ", "fallback")).isEqualTo("fallback");
    }

    @Test
    void messagesForPeoplePassAsTheyAre() {
        assertThat(ApiExceptionHandler.safe("merchant 6b0d46087657e4e912e1629c not found", "fallback"))
                .isEqualTo("merchant 6b0d46087657e4e912e1629c not found");
        assertThat(ApiExceptionHandler.safe("user owner@demo.tiffin.local exists", "fallback"))
                .isEqualTo("user owner@demo.tiffin.local exists");
        assertThat(ApiExceptionHandler.safe("after must be a message id\nsecond line", "fallback"))
                .isEqualTo("after must be a message id");
    }

    @Test
    void anUnreachableStoreIsA503WithRetryAfterSoProvidersRedeliver() {
        var answer = new ApiExceptionHandler().storeUnavailable(new com.mongodb.MongoTimeoutException("no server"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().error()).isEqualTo("service_unavailable");
    }
}
