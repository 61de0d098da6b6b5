package io.tiffin.identity.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.tiffin.identity.CurrentUser;
import io.tiffin.platform.web.ApiError;
import io.tiffin.platform.web.MapProperties;
import jakarta.servlet.DispatcherType;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.ObjectMapper;

/**
 * The API is stateless: a bearer token on every {@code /api/v1} call, no cookies, so no CSRF surface.
 * Webhooks prove themselves by signature, checked by their own controllers on the raw body.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Webhooks get a chain of their own, matched first, so the app's chain (bearer tokens, sessions,
     * request cache, anonymous users, authorization) does no work on them: a provider signs each body
     * and the controller checks that signature, so there is nobody to authenticate, no session and no
     * CSRF surface. Only the security headers are kept, for the handshakes that echo a challenge.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable)
                .headers(h -> h.defaultsDisabled()
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(f -> f.deny())
                        .cacheControl(Customizer.withDefaults())
                        .contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, JwtDecoder decoder, ObjectMapper json, MapProperties maps) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(
                    response.getOutputStream(), ApiError.of("unauthorized", "a valid bearer token is required"));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            response.setStatus(403);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiError.of("forbidden", "not allowed"));
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // the async dispatch of a live stream (SSE) was authorized when it was opened
                        .dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/api/v1/auth/login")
                        .permitAll()
                        // the customer's tracking page has no login: its unguessable token is the credential
                        .requestMatchers(HttpMethod.GET, "/api/v1/track/*", "/api/v1/maps/config")
                        .permitAll()
                        // every admin route refuses other roles here, whatever its controller checks
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(rs -> rs.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token -> {
                            CurrentUser user = TokenService.userOf(token);
                            var authorities = List.of(new SimpleGrantedAuthority(
                                    "ROLE_" + user.role().name()));
                            return UsernamePasswordAuthenticationToken.authenticated(user, token, authorities);
                        })))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        // map tiles are the only thing a page may load from elsewhere
                        "default-src 'self'; img-src 'self' data: " + maps.cspSource()
                                + "; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    SecretKey tokenSigningKey(AuthProperties properties, MongoTemplate mongo) {
        return SigningKey.resolve(properties.tokenSecret(), mongo);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey key) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey key, Users users) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                org.springframework.security.oauth2.jwt.JwtValidators.createDefault(), new ActiveUserTokens(users)));
        return decoder;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
