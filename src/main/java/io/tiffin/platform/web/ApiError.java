package io.tiffin.platform.web;

import io.tiffin.platform.InvalidInputException.Problem;
import java.util.List;

/**
 * The one error body every endpoint answers with: a stable code, a sentence for people, and the
 * problems (a path into the input and a reason), empty when the error is not about one field.
 */
public record ApiError(String error, String message, List<Problem> problems) {

    public ApiError {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }
}
