package io.fleetdashboard.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretScrubberTest {

    static void gone(String text, String secret) {
        String scrubbed = SecretScrubber.scrub(text);
        assertFalse(scrubbed.contains(secret), "still there: " + scrubbed);
        assertTrue(scrubbed.contains("REDACTED"), "marked: " + scrubbed);
    }

    @Test
    void credentialsInUrlsLoseTheirPasswordOnly() {
        assertEquals("connecting to postgres://app:***REDACTED***@db:5432/shop",
                SecretScrubber.scrub("connecting to postgres://app:s3cr3t-pw@db:5432/shop"));
        gone("PORTAINER_URL=https://admin:hunter22@portainer.example.com:9443", "hunter22");
        gone("redis://:verysecret@cache:6379", "verysecret");
    }

    @Test
    void tokensAndKeysInLogLinesAreRemoved() {
        gone("GET /api Authorization: Bearer abcdef1234567890XYZ", "abcdef1234567890XYZ");
        gone("curl -H 'X-Api-Key: ptr_QWERTYUIOPASDFGHJKLZXCVBNM12345'", "ptr_QWERTYUIOPASDFGHJKLZXCVBNM12345");
        gone("login ok password=correct-horse-battery", "correct-horse-battery");
        gone("{\"client_secret\": \"a1b2c3d4e5\"}", "a1b2c3d4e5");
        gone("DB_PASSWORD=pg_pass_123", "pg_pass_123");
        gone("api_key: 0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef");
        gone("using AKIAIOSFODNN7EXAMPLE for s3", "AKIAIOSFODNN7EXAMPLE");
        gone("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "eyJzdWIiOiIxMjM0NTY3ODkwIn0");
        gone("leaked ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        gone("OPENAI sk-proj-abcdefghijklmnopqrstuvwx", "sk-proj-abcdefghijklmnopqrstuvwx");
    }

    @Test
    void privateKeysOfEveryKindAreRemoved() {
        for (String kind : new String[] {"RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY"}) {
            gone("key:\n-----BEGIN " + kind + "-----\nMIIEow1234abcd\n-----END " + kind + "-----\nafter",
                    "MIIEow1234abcd");
        }
        gone("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk2bm9zZWNyZXRrZXlib2R5 me@host",
                "AAAAC3NzaC1lZDI1NTE5AAAAIHk2bm9zZWNyZXRrZXlib2R5");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "shop-web-1 on agent-3: Up 2 hours (healthy), 342 of 464 containers running";
        assertEquals(line, SecretScrubber.scrub(line));
        assertEquals("see https://example.com/docs", SecretScrubber.scrub("see https://example.com/docs"));
        assertEquals(null, SecretScrubber.scrub(null));
    }

    @Test
    void alreadyMaskedValuesStayMasked() {
        String masked = "POSTGRES_PASSWORD=********";
        assertTrue(SecretScrubber.scrub(masked).startsWith("POSTGRES_PASSWORD=***"), SecretScrubber.scrub(masked));
        assertEquals("DB_PASSWORD=***REDACTED***", SecretScrubber.scrub(SecretScrubber.scrub("DB_PASSWORD=x")));
    }
}
