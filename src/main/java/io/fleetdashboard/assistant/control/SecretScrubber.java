package io.fleetdashboard.assistant.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is sent to a model: credentials in URLs ({@code scheme://user:pass@host}),
 * {@code Authorization}/{@code X-Api-Key} values, Bearer and Basic tokens, {@code password=}, {@code secret=},
 * {@code token=}, {@code api_key=} style assignments (JSON and environment forms too), AWS access keys, JWTs,
 * private key blocks of any kind (RSA, EC, OPENSSH, PKCS#8), SSH public key bodies and long hex or base64 runs after
 * "key". Each is replaced by a marker that says what was removed, never by part of the value.
 */
public final class SecretScrubber {

    public static final String REDACTED = "***REDACTED***";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final String KEYWORDS = "(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|"
            + "private[_-]?key|client[_-]?secret|auth|credentials?|session[_-]?id|cookie)";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|\\z)"),
                    "***PRIVATE_KEY_REDACTED***"),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
                    "***JWT_REDACTED***"),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"), "***AWS_KEY_REDACTED***"),
            // scheme://user:password@host: keep the user and the host, drop the password
            new Rule(Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]*):[^\\s@/]+@"), "$1:" + REDACTED + "@"),
            new Rule(Pattern.compile("(?i)\\b(authorization|proxy-authorization|x-api-key|x-auth-token)"
                    + "(\"?\\s*[:=]\\s*\"?)(?:(?:bearer|basic|token|apikey)\\s+)?[^\\s\",;]+"), "$1$2" + REDACTED),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"), "$1 " + REDACTED),
            // name=value, name: value, "name": "value", NAME_PASSWORD=value
            new Rule(Pattern.compile("(?i)([A-Za-z0-9_.-]*" + KEYWORDS + "[A-Za-z0-9_.-]*)(\"?\\s*[:=]\\s*\"?)"
                    + "(?!\\*\\*\\*)[^\\s\",;&]+"), "$1$2" + REDACTED),
            new Rule(Pattern.compile("\\b(ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\\d+)\\s+[A-Za-z0-9+/=]{20,}"),
                    "$1 " + REDACTED),
            new Rule(Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}"
                    + "|sk-[A-Za-z0-9_-]{20,}|glpat-[A-Za-z0-9_-]{20,}|ptr_[A-Za-z0-9+/=_-]{20,})"), REDACTED));

    private SecretScrubber() {
    }

    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            out = m.replaceAll(rule.replacement());
        }
        return out;
    }
}
