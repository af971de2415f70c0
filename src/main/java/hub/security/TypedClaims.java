package hub.security;

import java.util.Collection;
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
        Object subject = jwt.getClaims().get(subjectClaim);
        if (!(subject instanceof String s) || s.isBlank()) {
            return invalid("The " + subjectClaim + " claim must be a non-empty string.");
        }
        Object tenant = jwt.getClaims().get(tenantClaim);
        if (tenant != null && !(tenant instanceof String)) {
            return invalid("The " + tenantClaim + " claim must be a string.");
        }
        Object roles = jwt.getClaims().get(rolesClaim);
        if (roles != null && !(roles instanceof Collection<?> list && list.stream().allMatch(String.class::isInstance))) {
            return invalid("The " + rolesClaim + " claim must be a list of strings.");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
