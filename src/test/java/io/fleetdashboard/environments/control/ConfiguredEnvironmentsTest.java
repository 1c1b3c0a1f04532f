package io.fleetdashboard.environments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.environments.entity.EnvironmentSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfiguredEnvironmentsTest {

    private static List<EnvironmentSettings> read(Map<String, String> variables) {
        return ConfiguredEnvironments.read(name -> Optional.ofNullable(variables.get(name)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://portainer.example.com, https://portainer.example.com/api",
            "https://portainer.example.com/, https://portainer.example.com/api",
            "https://portainer.example.com/api, https://portainer.example.com/api",
            "https://portainer.example.com/api/, https://portainer.example.com/api",
            "http://10.0.0.5:9000//, http://10.0.0.5:9000/api",
            "https://host/portainer, https://host/portainer/api"})
    void urlsAreNormalised(String url, String expected) {
        assertEquals(expected, ConfiguredEnvironments.normalizeUrl(url));
    }

    @Test
    void singleEnvironmentWithDefaults() {
        List<EnvironmentSettings> environments = read(Map.of(
                "PORTAINER_API_URL", "https://portainer.example.com/", "PORTAINER_API_KEY", "ptr_key"));
        assertEquals(List.of(new EnvironmentSettings("default", "Default", "https://portainer.example.com/api",
                "ptr_key", true, 60)), environments);
    }

    @Test
    void singleEnvironmentWithAllVariables() {
        List<EnvironmentSettings> environments = read(Map.of("PORTAINER_API_URL", "http://p:9000",
                "PORTAINER_API_KEY", "k", "PORTAINER_VERIFY_SSL", "false", "PORTAINER_TIMEOUT", "12.5",
                "PORTAINER_ENVIRONMENT_NAME", "Head Office"));
        assertEquals(List.of(new EnvironmentSettings("head-office", "Head Office", "http://p:9000/api", "k", false,
                13)), environments);
    }

    @Test
    void singleEnvironmentWithoutKeyIsSkipped() {
        assertTrue(read(Map.of("PORTAINER_API_URL", "http://p:9000")).isEmpty());
        assertTrue(read(Map.of()).isEmpty());
    }

    @Test
    void multipleEnvironmentsReadPerNameVariables() {
        List<EnvironmentSettings> environments = read(Map.ofEntries(
                Map.entry("PORTAINER_ENVIRONMENTS", "prod, Plant A ,staging,broken"),
                Map.entry("PORTAINER_TIMEOUT", "30"),
                Map.entry("PORTAINER_API_URL", "http://ignored"), Map.entry("PORTAINER_API_KEY", "ignored"),
                Map.entry("PORTAINER_PROD_API_URL", "https://prod.example.com"),
                Map.entry("PORTAINER_PROD_API_KEY", "kp"),
                Map.entry("PORTAINER_PLANT_A_API_URL", "https://plant-a:9443/api/"),
                Map.entry("PORTAINER_PLANT_A_API_KEY", "ka"),
                Map.entry("PORTAINER_PLANT_A_VERIFY_SSL", "off"),
                Map.entry("PORTAINER_PLANT_A_TIMEOUT", "5"),
                Map.entry("PORTAINER_STAGING_API_URL", "http://staging:9000"),
                Map.entry("PORTAINER_STAGING_API_KEY", "  "),
                Map.entry("PORTAINER_BROKEN_API_KEY", "kb")));
        assertEquals(List.of(
                new EnvironmentSettings("prod", "prod", "https://prod.example.com/api", "kp", true, 30),
                new EnvironmentSettings("plant-a", "Plant A", "https://plant-a:9443/api", "ka", false, 5)),
                environments, "staging (blank key) and broken (no URL) are skipped; single vars ignored");
    }

    @Test
    void variableNamesAreUpperCasedWithUnderscores() {
        assertEquals("PLANT_A", ConfiguredEnvironments.variablePart(" Plant A "));
        assertEquals("EU_WEST_1", ConfiguredEnvironments.variablePart("eu west 1"));
    }

    @Test
    void slugsAreLowercaseAndSafeForIds() {
        assertEquals("plant-a", ConfiguredEnvironments.slug("Plant A"));
        assertEquals("prod-eu", ConfiguredEnvironments.slug("Prod:EU"));
        assertEquals("default", ConfiguredEnvironments.slug("  ::  "));
        assertFalse(ConfiguredEnvironments.slug("a:b").contains(":"));
    }

    @ParameterizedTest
    @CsvSource({"false,false", "0,false", "no,false", "OFF,false", "true,true", "1,true", "yes,true"})
    void booleansFollowTheOriginal(String value, boolean expected) {
        assertEquals(expected, ConfiguredEnvironments.bool(value));
    }
}
