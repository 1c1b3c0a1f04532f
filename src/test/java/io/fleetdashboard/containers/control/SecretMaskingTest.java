package io.fleetdashboard.containers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.containers.entity.EnvVar;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @ParameterizedTest
    @ValueSource(strings = {"POSTGRES_PASSWORD", "db_passwd", "OAUTH_CLIENT_SECRET", "API_KEY", "AWS_ACCESS_KEY_ID",
        "GITHUB_TOKEN", "GOOGLE_APPLICATION_CREDENTIALS", "BASIC_AUTH", "AuthHeader", "ssh-key"})
    void secretNamesAreMaskedWhateverTheValue(String name) {
        EnvVar shown = SecretMasking.variable(name, "plain");
        assertTrue(shown.masked(), name);
        assertEquals(EnvVar.MASK, shown.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
        "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        "ptr_QmFzZTY0RW5jb2RlZEtleVRoYXRJc0xvbmc=",
        "sk_live_51HyQ2LKdf8sQwErTyUiOp",
        "AKIAIOSFODNN7EXAMPLE",
        "glpat-xxxxxxxxxxxxxxxxxxxx",
        "a8f5f167f44f4964e6c998dee827110c9a8f5f16",
        "-----BEGIN PRIVATE KEY-----MIIEv"})
    void secretLookingValuesAreMaskedUnderAnyName(String value) {
        EnvVar shown = SecretMasking.variable("SETTING", value);
        assertTrue(shown.masked(), value);
        assertEquals(EnvVar.MASK, shown.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "UTC", "-Xmx512m",
        "production", "/var/lib/postgresql/data", "/usr/share/elasticsearch/config/certificates/node01",
        "task-runner-queue-name-for-batch-jobs", "https://example.com/health", "8080", "true"})
    void ordinaryValuesStay(String value) {
        EnvVar shown = SecretMasking.variable("SETTING", value);
        assertFalse(shown.masked(), value);
        assertEquals(value, shown.value());
    }

    @Test
    void aUrlKeepsEverythingButItsPassword() {
        EnvVar shown = SecretMasking.variable("DATABASE_URL", "postgres://app:s3cr3t-pw@db:5432/app");
        assertTrue(shown.masked());
        assertEquals("postgres://app:" + EnvVar.MASK + "@db:5432/app", shown.value());
        assertFalse(shown.value().contains("s3cr3t"));
    }

    @Test
    void entriesKeepTheirOrderAndEntriesWithoutValueStay() {
        List<EnvVar> shown = SecretMasking.mask(List.of("TZ=UTC", "DB_PASSWORD=hunter2", "DEBUG", "EMPTY_TOKEN=",
                "EQ=a=b"));
        assertEquals(List.of("TZ", "DB_PASSWORD", "DEBUG", "EMPTY_TOKEN", "EQ"), shown.stream().map(EnvVar::name)
                .toList());
        assertEquals(List.of("UTC", EnvVar.MASK, "", "", "a=b"), shown.stream().map(EnvVar::value).toList());
        assertFalse(shown.toString().contains("hunter2"));
    }
}
