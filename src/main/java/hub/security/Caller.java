package hub.security;

/**
 * Who made an API call: the token's subject and tenant, and whether it holds the {@code compliance-admin} role,
 * which may read every job and batch of its own tenant.
 */
public record Caller(String subject, String tenant, boolean admin) {

    public static final String ADMIN_ROLE = "compliance-admin";

    /** True when this caller may see a job or batch submitted by {@code ownerSubject} of {@code ownerTenant}. */
    public boolean mayRead(Object ownerSubject, Object ownerTenant) {
        return tenant.equals(ownerTenant) && (admin || subject.equals(ownerSubject));
    }
}
