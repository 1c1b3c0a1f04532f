package io.fleetdashboard.assistant.control;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns an answer's Markdown (the rules' or a model's) into HTML that is safe to put into a page: commonmark with
 * GFM tables renders it, raw HTML in the Markdown is escaped (never passed through) and link targets are limited to
 * safe schemes; then the OWASP sanitizer keeps only formatting, blocks, tables and links (http, https, mailto and
 * paths inside the dashboard), every link {@code rel="nofollow noopener noreferrer"}. Two independent layers, so a
 * mistake in one is not an injection.
 */
public final class AnswerMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a", "pre", "code", "hr", "br")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .toFactory());
    /** Longer answers are cut before rendering (a runaway model cannot make a page of megabytes). */
    static final int MAX_MARKDOWN = 64_000;

    private AnswerMarkdown() {
    }

    public static String toHtml(String markdown) {
        String text = markdown == null ? "" : markdown;
        if (text.length() > MAX_MARKDOWN) {
            text = text.substring(0, MAX_MARKDOWN) + "\n\n*(answer cut)*";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(text)));
    }
}
