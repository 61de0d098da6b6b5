package io.tiffin.identity.internal;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token is good only while its user exists, is not disabled, and has not been given a new password
 * since it was issued (the token's generation is the user's). Read from the store on every request,
 * so a change reaches every instance and every token at once; a token from before generations were
 * issued counts as generation 0.
 */
class ActiveUserTokens implements OAuth2TokenValidator<Jwt> {

    static final String GENERATION = "gen";
    private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "the token was revoked", null));

    private final Users users;

    ActiveUserTokens(Users users) {
        this.users = users;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Object claim = token.getClaims().get(GENERATION);
        int generation = claim instanceof Number n ? n.intValue() : 0;
        boolean active = token.getSubject() != null
                && users.findById(token.getSubject())
                        .filter(u -> !u.disabled() && u.tokenGeneration() == generation)
                        .isPresent();
        return active ? OAuth2TokenValidatorResult.success() : REVOKED;
    }
}
