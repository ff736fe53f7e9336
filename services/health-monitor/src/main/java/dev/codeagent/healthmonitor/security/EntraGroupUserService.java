package dev.codeagent.healthmonitor.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Grants dashboard access to members of the allowed group, read from the ID token's {@code groups} claim
 * (Microsoft Entra ID puts group object ids there once the app registration's token configuration adds
 * the groups claim). Anyone else still signs in, so they see a 403 that says why rather than a login loop.
 */
final class EntraGroupUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(EntraGroupUserService.class);
    static final String GROUPS_CLAIM = "groups";

    private final OidcUserService delegate = new OidcUserService();
    private final String allowedGroup;

    EntraGroupUserService(String allowedGroup) {
        this.allowedGroup = allowedGroup;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        List<String> groups = user.getIdToken().getClaimAsStringList(GROUPS_CLAIM);
        Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
        if (groups != null && groups.contains(allowedGroup)) {
            authorities.add(new SimpleGrantedAuthority(DashboardSecurityConfiguration.DASHBOARD_AUTHORITY));
        } else {
            // Entra leaves the claim out for members of too many groups ("overage"): that also lands here.
            log.warn("Dashboard sign-in of {} refused: not a member of group {} (groups claim {})",
                    displayName(user), allowedGroup, groups == null ? "missing" : "without it");
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
    }

    private static String displayName(OidcUser user) {
        String name = user.getPreferredUsername();
        return name != null ? name : user.getSubject();
    }
}
