package io.fleetdashboard.environments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.environments.entity.Environment;
import io.fleetdashboard.environments.entity.EnvironmentInput;
import io.fleetdashboard.environments.entity.EnvironmentRejected;
import io.fleetdashboard.environments.entity.EnvironmentSettings;
import io.fleetdashboard.environments.entity.EnvironmentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentValidationTest {

    private static EnvironmentInput input(String name, String url, String key) {
        return new EnvironmentInput(name, null, url, key, null, null, null, null, null, null);
    }

    @Test
    void aNewEnvironmentGetsDefaultsAndANormalisedUrl() {
        EnvironmentSettings s = EnvironmentValidation.forCreate(new EnvironmentInput(null, "Plant A",
                "https://portainer.example.com:9443/", " ptr_key ", null, null, null, null, "  ", null));
        assertEquals("plant-a", s.name());
        assertEquals("Plant A", s.displayName());
        assertEquals("https://portainer.example.com:9443/api", s.apiUrl());
        assertEquals("ptr_key", s.apiKey());
        assertTrue(s.verifySsl());
        assertEquals(60, s.timeoutSeconds());
        assertEquals(0, s.connectTimeoutSeconds());
        assertEquals(0, s.maxConcurrency());
        assertNull(s.caBundle());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host", "portainer.example.com", "http://", "https://user:pw@host",
            "https://host/api?x=1", "https://host/#x", "http://bad host", ""})
    void badUrlsAreRefusedNamingTheField(String url) {
        EnvironmentRejected e = assertThrows(EnvironmentRejected.class,
                () -> EnvironmentValidation.forCreate(input("x", url, "k")));
        assertEquals(EnvironmentRejected.Why.INVALID, e.why());
        assertTrue(e.getMessage().startsWith("apiUrl"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Prod", "-prod", "prod_1", "a/b", "<script>", "abcdefghijabcdefghijabcdefghijabcdefghijk"})
    void badNamesAreRefused(String name) {
        EnvironmentRejected e = assertThrows(EnvironmentRejected.class,
                () -> EnvironmentValidation.forCreate(input(name, "https://h", "k")));
        assertTrue(e.getMessage().startsWith("name"), e.getMessage());
    }

    @Test
    void aNewEnvironmentNeedsAKeyAndTheMessageNeverQuotesOne() {
        assertTrue(assertThrows(EnvironmentRejected.class, () -> EnvironmentValidation.forCreate(
                input("x", "https://h", " "))).getMessage().startsWith("apiKey"));
        EnvironmentRejected spaced = assertThrows(EnvironmentRejected.class, () -> EnvironmentValidation.forCreate(
                input("x", "https://h", "ptr secret")));
        assertFalse(spaced.getMessage().contains("secret"), spaced.getMessage());
    }

    @Test
    void limitsAreChecked() {
        assertThrows(EnvironmentRejected.class, () -> EnvironmentValidation.forCreate(new EnvironmentInput("x", null,
                "https://h", "k", null, 0, null, null, null, null)));
        assertThrows(EnvironmentRejected.class, () -> EnvironmentValidation.forCreate(new EnvironmentInput("x", null,
                "https://h", "k", null, null, null, 65, null, null)));
        assertThrows(EnvironmentRejected.class, () -> EnvironmentValidation.forCreate(new EnvironmentInput("x", null,
                "https://h", "k", null, null, -1, null, null, null)));
    }

    @Test
    void aCaBundleMustHoldCertificates() {
        EnvironmentRejected e = assertThrows(EnvironmentRejected.class, () -> EnvironmentValidation.forCreate(
                new EnvironmentInput("x", null, "https://h", "k", null, null, null, null, "not a pem", null)));
        assertTrue(e.getMessage().startsWith("caBundle"), e.getMessage());
        assertThrows(EnvironmentRejected.class, () -> EnvironmentValidation.forCreate(new EnvironmentInput("x", null,
                "https://h", "k", null, null, null, null,
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", null)));
    }

    @Test
    void aChangeKeepsWhatIsNotGivenAndABlankKeyKeepsTheKey() {
        Environment stored = new Environment();
        stored.setName("prod");
        stored.setDisplayName("Prod");
        stored.setApiUrl("https://old/api");
        stored.setVerifySsl(false);
        stored.setTimeoutSeconds(30);
        stored.setMaxConcurrency(4);
        stored.setSource(EnvironmentSource.UI);
        EnvironmentSettings s = EnvironmentValidation.forUpdate(stored, new EnvironmentInput(null, null,
                "https://new", "", null, null, null, null, null, null));
        assertEquals("prod", s.name());
        assertEquals("Prod", s.displayName());
        assertEquals("https://new/api", s.apiUrl());
        assertNull(s.apiKey(), "blank: keep the stored key");
        assertFalse(s.verifySsl());
        assertEquals(30, s.timeoutSeconds());
        assertEquals(4, s.maxConcurrency());
        assertThrows(EnvironmentRejected.class, () -> EnvironmentValidation.forUpdate(stored,
                input("other", null, null)), "the name keys the data: no renames");
    }

    @Test
    void changesNameTheFieldsButNeverTheKey() {
        EnvironmentSettings before = new EnvironmentSettings("p", "P", "https://a/api", null, true, 60);
        EnvironmentSettings after = new EnvironmentSettings("p", "P", "https://b/api", "ptr_new", false, 60);
        String changes = EnvironmentAdmin.changes(before, after);
        assertEquals("apiUrl https://b/api, apiKey replaced, verifySsl false", changes);
        assertFalse(changes.contains("ptr_new"));
    }
}
