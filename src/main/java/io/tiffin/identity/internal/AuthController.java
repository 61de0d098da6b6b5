package io.tiffin.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class AuthController {

    record LoginRequest(@NotBlank String email, @NotBlank String password) {}

    private final LoginService logins;

    AuthController(LoginService logins) {
        this.logins = logins;
    }

    @PostMapping("/login")
    @Operation(
            summary = "Exchange email and password for a bearer token",
            description = "Wrong credentials answer 401; repeated failures per account or per client answer 429.")
    LoginService.LoginResult login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return logins.login(request.email(), request.password(), http.getRemoteAddr());
    }
}
