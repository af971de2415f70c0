package hub.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The HS256 secret: {@code hub.security.jwt.secret} (JWT_SECRET_KEY) when set. Otherwise, only where
 * {@code hub.security.jwt.generate-secret} is true (the embedded profile, docs/decisions/0009), a random secret is
 * created at first start in {@code <data-dir>/jwt-secret}, readable by its owner only, and kept across restarts.
 */
@Component
public class DevSecret {

    private static final Logger log = LoggerFactory.getLogger(DevSecret.class);

    private final String value;
    private final boolean generated;

    public DevSecret(@Value("${hub.security.jwt.secret:}") String configured,
                     @Value("${hub.security.jwt.generate-secret:false}") boolean generate,
                     @Value("${hub.data-dir}") String dataDir,
                     @Value("${hub.security.jwt.mode:hs256}") String mode) throws IOException {
        if (!configured.isBlank() || !generate || !"hs256".equals(mode)) {
            this.value = configured;
            this.generated = false;
            return;
        }
        this.generated = true;
        Path file = Path.of(dataDir, "jwt-secret");
        if (!Files.exists(file)) {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("{} keeps the file system's default permissions", file);
            }
        }
        this.value = Files.readString(file).trim();
        log.info("HS256 development secret in {}. Mint a token: scripts/dev-token.sh --subject alice "
                + "(or JWT_SECRET_KEY=$(cat {}) scripts/dev-token.sh)", file.toAbsolutePath(), file.toAbsolutePath());
    }

    public String value() {
        return value;
    }

    /** True when the hub created this secret itself (no JWT_SECRET_KEY was set): the only case with a dev login. */
    public boolean generated() {
        return generated;
    }
}
