package io.tiffin.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (a path the firewall refuses, such as an empty id in
 * {@code /merchants//orders}, or a failure in a filter) end up at the servlet container's error page.
 * This replaces Boot's default body there with the same {@link ApiError} every endpoint answers.
 */
@RestController
@Hidden
class ApiErrorController implements ErrorController {

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "the request is malformed",
            401, "a valid bearer token is required",
            403, "not allowed",
            404, "no such path",
            405, "this method is not allowed here",
            413, "the body is too large",
            415, "this content type is not accepted here",
            429, "too many requests; slow down");

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null
                ? HttpStatus.resolve(c)
                : HttpStatus.NOT_FOUND;
        if (status.is5xxServerError()) {
            return ApiExceptionHandler.answer(
                    status, ApiError.of("internal_error", "something went wrong on our side; try again"));
        }
        String error = status == HttpStatus.CONTENT_TOO_LARGE
                ? "payload_too_large"
                : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
        return ApiExceptionHandler.answer(
                status, ApiError.of(error, MESSAGES.getOrDefault(status.value(), status.getReasonPhrase())));
    }
}
