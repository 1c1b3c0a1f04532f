package io.fleetdashboard.containers.control;

import io.fleetdashboard.containers.entity.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret-looking environment variables before they reach a page, the API or a log. Secret by name: the key
 * contains PASSWORD, PASSWD, SECRET, KEY, TOKEN, CREDENTIAL or AUTH (so API_KEY, GF_SECURITY_ADMIN_PASSWORD,
 * OAUTH_CLIENT_SECRET, AWS_ACCESS_KEY_ID). Secret by value, whatever the name: a JWT, a PEM block, a well-known key
 * format (Portainer ptr_, GitHub ghp_/github_pat_, GitLab glpat-, Slack xox?-, Stripe sk_/rk_, OpenAI sk-, AWS
 * AKIA...), or a long run of letters and digits that looks random (32+ characters of a base64/hex alphabet with
 * both letters and digits). A URL with a password keeps everything but the password. When in doubt, mask: a
 * masked harmless value costs a click in Portainer; a shown secret cannot be taken back.
 */
public final class SecretMasking {

    private static final List<String> SECRET_NAME_PARTS = List.of("PASSWORD", "PASSWD", "SECRET", "KEY", "TOKEN",
            "CREDENTIAL", "AUTH");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern KNOWN_KEY = Pattern.compile("(?<![A-Za-z0-9])(?:(?:ptr_|ghp_|gho_|ghu_|ghs_|ghr_"
            + "|github_pat_|glpat-|xox[abposr]-|sk_live_|sk_test_|rk_live_|sk-)[A-Za-z0-9_+/=-]{16,}"
            + "|(?:AKIA|ASIA)[A-Z0-9]{16})");
    private static final Pattern RANDOM_LOOKING = Pattern.compile("[A-Za-z0-9+/=_-]{32,}");
    private static final Pattern URL_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/:@\\s]*:)([^/@\\s]+)(@.*)$");

    private SecretMasking() {
    }

    /** Docker's Config.Env entries ("KEY=value", or "KEY" alone) as shown, in their order. */
    public static List<EnvVar> mask(List<String> env) {
        List<EnvVar> shown = new ArrayList<>(env.size());
        for (String entry : env) {
            if (entry == null) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? entry : entry.substring(0, eq);
            String value = eq < 0 ? "" : entry.substring(eq + 1);
            shown.add(variable(name, value));
        }
        return shown;
    }

    static EnvVar variable(String name, String value) {
        if (value.isEmpty()) {
            return new EnvVar(name, value, false);
        }
        if (secretName(name) || secretValue(value)) {
            return new EnvVar(name, EnvVar.MASK, true);
        }
        Matcher url = URL_PASSWORD.matcher(value);
        if (url.matches()) {
            return new EnvVar(name, url.group(1) + EnvVar.MASK + url.group(3), true);
        }
        return new EnvVar(name, value, false);
    }

    static boolean secretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String part : SECRET_NAME_PARTS) {
            if (upper.contains(part)) {
                return true;
            }
        }
        return false;
    }

    static boolean secretValue(String value) {
        String v = value.strip();
        if (v.contains("-----BEGIN ") || JWT.matcher(v).find() || KNOWN_KEY.matcher(v).find()) {
            return true;
        }
        // a file path is not a key, however long
        return !v.startsWith("/") && RANDOM_LOOKING.matcher(v).matches() && v.chars().anyMatch(Character::isDigit)
                && v.chars().anyMatch(Character::isLetter);
    }
}
