package hub.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * What Spring Security does on every request beyond authentication, trimmed after profiling API calls: the strict
 * firewall checks header and parameter names and header values with a loop instead of its regular expression (it
 * runs on each header read), with the same rule: every code point assigned in Unicode and not an ISO control
 * character; and Spring Security's observations, a span around every filter of the chain, are off (the request's
 * server span and the hub's own spans remain).
 */
@Configuration(proxyBeanMethods = false)
public class RequestScreeningConfig {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RequestScreeningConfig::assignedAndNotControl);
        firewall.setAllowedHeaderValues(RequestScreeningConfig::assignedAndNotControl);
        firewall.setAllowedParameterNames(RequestScreeningConfig::assignedAndNotControl);
        return firewall;
    }

    @Bean
    SecurityObservationSettings noFilterChainObservations() {
        return SecurityObservationSettings.noObservations();
    }

    static boolean assignedAndNotControl(String value) {
        int ascii = 0;
        // Printable ASCII (every bearer token, nearly every header) is assigned and no control: no table lookups.
        while (ascii < value.length() && value.charAt(ascii) >= ' ' && value.charAt(ascii) < 0x7F) {
            ascii++;
        }
        for (int i = ascii; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!Character.isDefined(cp) || Character.isISOControl(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
