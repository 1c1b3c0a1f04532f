package io.fleetdashboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParamsTest {

    enum Kind { EDGE, AGENT }

    private final List<String> said = new ArrayList<>();

    @Test
    void aKnownChoiceInAnyCaseIsReadAndAnythingElseIsIgnoredAndSaid() {
        assertEquals(Kind.EDGE, PageParams.choice("kind", " Edge ", Kind.class, said::add));
        assertNull(PageParams.choice("kind", "robot", Kind.class, said::add), "unknown: every kind");
        assertNull(PageParams.choice("kind", "", Kind.class, said::add));
        assertNull(PageParams.choice("kind", null, Kind.class, said::add));
        assertEquals(List.of("Unknown kind \"robot\": showing every value instead."), said);
    }

    @Test
    void yesNoIsTrueFalseOrIgnored() {
        assertEquals(Boolean.TRUE, PageParams.yesNo("dangling", "TRUE", said::add));
        assertEquals(Boolean.FALSE, PageParams.yesNo("dangling", "false", said::add));
        assertNull(PageParams.yesNo("dangling", "maybe", said::add));
        assertNull(PageParams.yesNo("dangling", " ", said::add));
        assertEquals(1, said.size());
        assertEquals(40 + "Unknown dangling \"".length(),
                PageParams.explain("dangling", "x".repeat(100)).indexOf('…'), "a long value is cut");
    }

    @Test
    void aQueryStringHoldsOnlyTheSetParametersEncoded() {
        assertEquals("", new QueryString().add("a", null).add("b", " ").toString());
        assertEquals("?endpoint=sim-1%3A3&search=a+b%26c&dangling=true", new QueryString().add("endpoint", "sim-1:3")
                .add("search", "a b&c").add("empty", "").add("dangling", true).toString());
    }
}
