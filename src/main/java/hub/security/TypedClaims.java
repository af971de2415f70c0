package hub.security;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims the hub reads, checked by JSON type before anything converts them: the subject a non-blank string,
 * the tenant absent or a string, the roles absent or a list of strings. A roles string is refused, never split on
 * spaces into roles, and a list holding a number or null is refused, never cast. A token that fails is
 * {@code invalid_token} (401 {@code invalid-token}), on every endpoint the token is presented to.
 */
record TypedClaims(String subjectClaim, String tenantClaim, String rolesClaim) implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        return validate(jwt.getClaims());
    }

    OAuth2TokenValidatorResult validate(Map<String, Object> claims) {
        Object subject = claims.get(subjectClaim);
        if (!(subject instanceof String s) || s.isBlank()) {
            return invalid("The " + subjectClaim + " claim must be a non-empty string.");
        }
        Object tenant = claims.get(tenantClaim);
        if (tenant != null && !(tenant instanceof String)) {
            return invalid("The " + tenantClaim + " claim must be a string.");
        }
        Object roles = claims.get(rolesClaim);
        if (roles != null && !(roles instanceof Collection<?> list && list.stream().allMatch(String.class::isInstance))) {
            return invalid("The " + rolesClaim + " claim must be a list of strings.");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /**
     * The verified token, once its payload as sent (before any library converted a claim) has passed the same
     * checks; a {@link JwtValidationException} otherwise.
     */
    Jwt checkPayload(String token, Jwt verified) {
        Map<String, Object> sent;
        try {
            sent = SignedJWT.parse(token).getPayload().toJSONObject();
        } catch (ParseException e) {
            throw new BadJwtException("The token's payload is not a JSON object", e);
        }
        OAuth2TokenValidatorResult result = validate(sent == null ? Map.of() : sent);
        if (result.hasErrors()) {
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return verified;
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
