package io.tiffin.platform.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.tiffin.platform.ConflictException;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.InvalidInputException.Problem;
import io.tiffin.platform.NotFoundException;
import io.tiffin.platform.TooManyRequestsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Maps exceptions to HTTP answers with an {@link ApiError} body. Messages come from the platform's
 * own exceptions or are written here: what the framework says names Java types and methods, which a
 * client has no use for and should not see.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    // a dotted Java name (io.tiffin.x.Y, java.lang.Z, Outer$Inner) or an exception's name
    private static final Pattern JAVA_NAME =
            Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]|\\$[A-Z]|Exception|\\bjava\\.");

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ApiError.of("not_found", safe(e.getMessage(), "not found")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ApiError.of("not_found", "no such path"));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return answer(HttpStatus.BAD_REQUEST, new ApiError("invalid_input", e.getMessage(), e.problems()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        List<Problem> problems = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> problems.add(new Problem(f.getField(), reason(f))));
        e.getBindingResult().getGlobalErrors().forEach(g -> problems.add(new Problem("", reason(g))));
        return answer(HttpStatus.BAD_REQUEST, new ApiError("invalid_input", "the request body is invalid", problems));
    }

    /** Constraints on query parameters and path variables ({@code @Pattern} on a {@code @RequestParam}). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException e) {
        List<Problem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> problems.add(new Problem(name == null ? "" : name, reason(error))));
        });
        return answer(HttpStatus.BAD_REQUEST, new ApiError("invalid_input", "the request is invalid", problems));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongParameterType(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String reason;
        if (type != null && type.isEnum()) {
            reason = "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        } else if (type != null && (Number.class.isAssignableFrom(type) || type == int.class || type == long.class)) {
            reason = "must be a whole number";
        } else {
            reason = "has the wrong form";
        }
        return answer(
                HttpStatus.BAD_REQUEST,
                new ApiError("invalid_input", "the request is invalid", List.of(new Problem(e.getName(), reason))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return answer(
                HttpStatus.BAD_REQUEST,
                new ApiError(
                        "invalid_input",
                        "the request is invalid",
                        List.of(new Problem(e.getParameterName(), "is required"))));
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ApiError> binding(ServletRequestBindingException e) {
        return answer(HttpStatus.BAD_REQUEST, ApiError.of("bad_request", "a required header or path part is missing"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Problem problem = wrongTypeAt(e);
        if (problem != null) {
            return answer(
                    HttpStatus.BAD_REQUEST,
                    new ApiError("invalid_input", "the request body is invalid", List.of(problem)));
        }
        String message = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "a request body is required"
                : "the request body is not valid JSON" + location(e);
        return answer(HttpStatus.BAD_REQUEST, ApiError.of("bad_request", message));
    }

    /** The platform's own argument checks; their messages are written for clients. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> illegalArgument(IllegalArgumentException e) {
        return answer(
                HttpStatus.BAD_REQUEST, ApiError.of("bad_request", safe(e.getMessage(), "the request is invalid")));
    }

    /** A JSON value of the wrong type (a price of 249.5), named by its path so a client can point at it. */
    private static Problem wrongTypeAt(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof MismatchedInputException mismatch) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference step : mismatch.getPath()) {
                    if (step.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
                    } else if (step.getIndex() >= 0) {
                        path.append('[').append(step.getIndex()).append(']');
                    }
                }
                Class<?> type = mismatch.getTargetType();
                boolean whole = type != null
                        && (type == Long.class || type == long.class || type == Integer.class || type == int.class);
                if (path.isEmpty()) {
                    return new Problem("", "must be a JSON object");
                }
                return new Problem(path.toString(), whole ? "must be a whole number" : "has the wrong type");
            }
        }
        return null;
    }

    private static String location(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JacksonException jackson
                    && jackson.getLocation() != null
                    && jackson.getLocation() != TokenStreamLocation.NA
                    && jackson.getLocation().getLineNr() > 0) {
                return " (line " + jackson.getLocation().getLineNr() + ", column "
                        + jackson.getLocation().getColumnNr() + ")";
            }
        }
        return "";
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        String given = e.getContentType() == null
                ? "no Content-Type"
                : "Content-Type " + e.getContentType().getType() + "/"
                        + e.getContentType().getSubtype();
        return answer(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ApiError.of(
                        "unsupported_media_type",
                        given + " is not accepted here; send " + mediaTypes(e.getSupportedMediaTypes())));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(
                HttpStatus.NOT_ACCEPTABLE,
                ApiError.of("not_acceptable", "this resource answers " + mediaTypes(e.getSupportedMediaTypes())));
    }

    private static String mediaTypes(List<MediaType> types) {
        return types.isEmpty()
                ? "application/json"
                : types.stream()
                        .map(t -> t.getType() + "/" + t.getSubtype())
                        .distinct()
                        .collect(Collectors.joining(" or "));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        String allowed = e.getSupportedHttpMethods() == null
                ? ""
                : e.getSupportedHttpMethods().stream()
                        .map(Object::toString)
                        .sorted()
                        .collect(Collectors.joining(", "));
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_JSON);
        if (!allowed.isEmpty()) {
            answer.header(HttpHeaders.ALLOW, allowed);
        }
        return answer.body(ApiError.of(
                "method_not_allowed",
                e.getMethod() + " is not allowed here" + (allowed.isEmpty() ? "" : "; allowed: " + allowed)));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, ApiError.of("payload_too_large", "the body is too large"));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        String phrase = status == null ? "error" : status.getReasonPhrase();
        return answer(
                status == null ? HttpStatus.BAD_REQUEST : status,
                ApiError.of(
                        phrase.toLowerCase(Locale.ROOT).replace(' ', '_'),
                        safe(e.getReason(), phrase.toLowerCase(Locale.ROOT))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return answer(HttpStatus.FORBIDDEN, ApiError.of("forbidden", safe(e.getMessage(), "not allowed")));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiError> unauthenticated(AuthenticationException e) {
        return answer(HttpStatus.UNAUTHORIZED, ApiError.of("unauthorized", safe(e.getMessage(), "not signed in")));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ApiError> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(ApiError.of("too_many_requests", e.getMessage()));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        log.debug("conflict", e);
        return answer(
                HttpStatus.CONFLICT,
                ApiError.of("conflict", "the resource changed or already exists; reload and retry"));
    }

    /**
     * The store cannot be reached: 503 with a Retry-After, so a provider redelivers the webhook later
     * instead of taking a 200 for something that was never stored.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoSocketException.class, MongoTimeoutException.class
    })
    ResponseEntity<ApiError> storeUnavailable(RuntimeException e) {
        log.warn("The store is unreachable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ApiError.of("service_unavailable", "the store is unavailable for a moment; try again shortly"));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> stateConflict(ConflictException e) {
        return answer(HttpStatus.CONFLICT, ApiError.of("conflict", e.getMessage()));
    }

    /**
     * Always JSON, whatever the request accepts: a preset Content-Type skips content negotiation, so
     * an error on a Server-Sent Events route (Accept: text/event-stream) is still written, not a 500.
     */
    static ResponseEntity<ApiError> answer(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static String reason(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        if (error instanceof FieldError field && field.isBindingFailure()) {
            return "has the wrong type";
        }
        return safe(message, "is invalid");
    }

    /** The message when it reads as written for people, else the fallback. */
    static String safe(String message, String fallback) {
        if (message == null || message.isBlank() || JAVA_NAME.matcher(message).find()) {
            return fallback;
        }
        return message.lines().findFirst().orElse(fallback);
    }
}
