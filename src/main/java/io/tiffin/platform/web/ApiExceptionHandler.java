package io.tiffin.platform.web;

import io.tiffin.platform.ConflictException;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.InvalidInputException.Problem;
import io.tiffin.platform.NotFoundException;
import io.tiffin.platform.TooManyRequestsException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Maps the platform's exceptions to HTTP answers with an {@link ApiError} body. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ApiError.of("not_found", e.getMessage()));
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
        List<Problem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problem(f.getField(), f.getDefaultMessage()))
                .toList();
        return answer(HttpStatus.BAD_REQUEST, new ApiError("invalid_input", "the request body is invalid", problems));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, IllegalArgumentException.class})
    ResponseEntity<ApiError> unreadable(Exception e) {
        Problem problem = wrongTypeAt(e);
        if (problem != null) {
            return answer(HttpStatus.BAD_REQUEST, new ApiError("invalid_input", "the request body is invalid", List.of(problem)));
        }
        return answer(HttpStatus.BAD_REQUEST, ApiError.of("bad_request", rootMessage(e)));
    }

    /** A JSON value of the wrong type (a price of 249.5), named by its path so a client can point at it. */
    private static Problem wrongTypeAt(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference step : mismatch.getPath()) {
                    if (step.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
                    } else if (step.getIndex() >= 0) {
                        path.append('[').append(step.getIndex()).append(']');
                    }
                }
                Class<?> type = mismatch.getTargetType();
                boolean whole = type != null && (type == Long.class || type == long.class || type == Integer.class || type == int.class);
                return new Problem(path.toString(), whole ? "must be a whole number" : "has the wrong type");
            }
        }
        return null;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiError.of("unsupported_media_type", e.getMessage()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, ApiError.of("method_not_allowed", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return answer(HttpStatus.FORBIDDEN, ApiError.of("forbidden", e.getMessage()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiError> unauthenticated(AuthenticationException e) {
        return answer(HttpStatus.UNAUTHORIZED, ApiError.of("unauthorized", e.getMessage()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ApiError> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(ApiError.of("too_many_requests", e.getMessage()));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        log.debug("conflict", e);
        return answer(HttpStatus.CONFLICT, ApiError.of("conflict", "the resource changed or already exists; reload and retry"));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> stateConflict(ConflictException e) {
        return answer(HttpStatus.CONFLICT, ApiError.of("conflict", e.getMessage()));
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status).body(body);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? "the request could not be read" : message.lines().findFirst().orElse(message);
    }
}
