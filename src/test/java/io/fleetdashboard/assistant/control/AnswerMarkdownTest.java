package io.fleetdashboard.assistant.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerMarkdownTest {

    @Test
    void rendersFormattingTablesAndLinks() {
        String html = AnswerMarkdown.toHtml("**3** running\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                + "[see](workloads.xhtml?state=running) and `code`");
        assertTrue(html.contains("<strong>3</strong>"), html);
        assertTrue(html.contains("<table>") && html.contains("<td>1</td>"), html);
        assertTrue(html.contains("href=\"workloads.xhtml?state&#61;running\"")
                || html.contains("href=\"workloads.xhtml?state=running\""), html);
        String rel = html.replaceAll("(?s).*rel=\"([^\"]*)\".*", "$1");
        assertTrue(rel.contains("nofollow") && rel.contains("noopener") && rel.contains("noreferrer"), html);
        assertTrue(html.contains("<code>code</code>"), html);
    }

    @Test
    void rawHtmlAndScriptsNeverSurvive() {
        String html = AnswerMarkdown.toHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
                + "[click](javascript:alert(1)) <a href=\"javascript:alert(2)\">x</a> <iframe src=//evil>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("href=\"javascript"), "no script link: " + html);
        assertFalse(html.contains("onerror="), html);
        assertFalse(html.contains("<a href=\"javascript"), html);
        assertTrue(html.contains("&lt;script&gt;"), "shown as text: " + html);
    }

    @Test
    void aRunawayAnswerIsCut() {
        String html = AnswerMarkdown.toHtml("a".repeat(AnswerMarkdown.MAX_MARKDOWN + 10_000));
        assertTrue(html.length() < AnswerMarkdown.MAX_MARKDOWN + 1000, String.valueOf(html.length()));
        assertTrue(html.contains("answer cut"));
    }
}
