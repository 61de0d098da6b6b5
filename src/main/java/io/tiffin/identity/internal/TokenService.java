package io.tiffin.identity.internal;

import io.tiffin.identity.CurrentUser;
import io.tiffin.identity.Role;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues the HS256-signed bearer tokens the API accepts, and reads the caller back out of one. */
@Component
class TokenService {

    record Issued(String token, Instant expiresAt) {}

    private final JwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    Issued issue(User user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("tiffin")
                .subject(user.id())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("email", user.email())
                .claim("role", user.role().name())
                .claim(ActiveUserTokens.GENERATION, user.tokenGeneration());
        if (user.merchantId() != null) {
            claims.claim("merchantId", user.merchantId());
        }
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return new Issued(token, expiresAt);
    }

    static CurrentUser userOf(Jwt jwt) {
        return new CurrentUser(
                jwt.getSubject(),
                jwt.getClaimAsString("email"),
                Role.valueOf(jwt.getClaimAsString("role")),
                jwt.getClaimAsString("merchantId"));
    }
}
