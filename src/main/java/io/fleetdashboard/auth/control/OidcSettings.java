package io.fleetdashboard.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single sign-on configuration, by the original's variable names: DASHBOARD_AUTH_PROVIDER (static, oidc or both;
 * default static), DASHBOARD_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _REDIRECT_URI, _SCOPES, _DISCOVERY_URL,
 * _AUDIENCE, and the role mapping (see RoleMapping). SSO is on only when the provider is oidc or both and issuer,
 * client id and redirect URI are set; otherwise a warning says what is missing and the static sign-in stays alone.
 */
@ApplicationScoped
public class OidcSettings {

    private static final Logger LOG = Logger.getLogger(OidcSettings.class.getName());

    @Inject
    @ConfigProperty(name = "dashboard.auth.provider", defaultValue = "static")
    String provider;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.client.id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.client.secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.redirect.uri")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.scopes", defaultValue = "openid profile email")
    String scopes;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.discovery.url")
    Optional<String> discoveryUrl;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.ca.bundle")
    Optional<String> caBundle;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.audience")
    Optional<String> audience;

    private boolean ssoEnabled;
    private boolean staticEnabled = true;

    @PostConstruct
    void init() {
        String mode = provider == null ? "static" : provider.trim().toLowerCase(Locale.ROOT);
        boolean wantsSso = mode.equals("oidc") || mode.equals("both");
        if (!wantsSso && !mode.equals("static")) {
            LOG.warning("DASHBOARD_AUTH_PROVIDER=" + provider + " is not static, oidc or both; using static.");
        }
        List<String> missing = new ArrayList<>();
        if (value(issuer).isEmpty()) {
            missing.add("DASHBOARD_OIDC_ISSUER");
        }
        if (value(clientId).isEmpty()) {
            missing.add("DASHBOARD_OIDC_CLIENT_ID");
        }
        if (value(redirectUri).isEmpty()) {
            missing.add("DASHBOARD_OIDC_REDIRECT_URI");
        }
        if (wantsSso && !missing.isEmpty()) {
            LOG.warning("Single sign-on is off: DASHBOARD_AUTH_PROVIDER=" + mode + " needs " + String.join(", ", missing));
        }
        ssoEnabled = wantsSso && missing.isEmpty();
        // "oidc" alone switches the key sign-in off; when SSO cannot work the key sign-in stays, so nobody is locked out.
        staticEnabled = !mode.equals("oidc") || !ssoEnabled;
    }

    public boolean ssoEnabled() {
        return ssoEnabled;
    }

    /** False only with DASHBOARD_AUTH_PROVIDER=oidc and a complete SSO configuration. */
    public boolean staticEnabled() {
        return staticEnabled;
    }

    public String issuer() {
        return value(issuer).orElse("");
    }

    public String clientId() {
        return value(clientId).orElse("");
    }

    public Optional<String> clientSecret() {
        return value(clientSecret);
    }

    public String redirectUri() {
        return value(redirectUri).orElse("");
    }

    public Optional<String> audience() {
        return value(audience);
    }

    /** DASHBOARD_OIDC_CA_BUNDLE: a PEM file of the CA certificates to trust for the provider, when set. */
    public Optional<Path> caBundle() {
        return value(caBundle).map(Path::of);
    }

    /** DASHBOARD_OIDC_DISCOVERY_URL, or the issuer's well-known document. */
    public URI discoveryUri() {
        return URI.create(value(discoveryUrl).orElseGet(() -> wellKnown(issuer())));
    }

    /** The scopes, space or comma separated, de-duplicated, openid always first. */
    public String scope() {
        return normalisedScopes(scopes);
    }

    static String wellKnown(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return base + "/.well-known/openid-configuration";
    }

    static String normalisedScopes(String configured) {
        Set<String> all = new LinkedHashSet<>();
        all.add("openid");
        for (String scope : (configured == null ? "" : configured).split("[,\\s]+")) {
            if (!scope.isBlank()) {
                all.add(scope.trim());
            }
        }
        return String.join(" ", all);
    }

    private static Optional<String> value(Optional<String> configured) {
        return configured.map(String::trim).filter(s -> !s.isEmpty());
    }
}
