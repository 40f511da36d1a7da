package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.samskivert.mustache.Escapers;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The page's HTML escaper in one pass gives what jmustache's own (Escapers.HTML, seven passes) gives. */
class HtmlEscapeTest {
    @Test
    void everyAsciiCharacterAsJmustacheEscapesIt() {
        for (char c = 0; c < 128; c++) {
            String text = "a" + c + "b" + c;
            assertEquals(Escapers.HTML.escape(text), HtmlReport.escapeHtml(text), "character " + (int) c);
        }
        // an escape in the text is escaped again, as jmustache does
        assertEquals("&amp;amp; &amp;lt; &#x3D;&#x3D; &#x60;x&#x60; &quot;&#39;",
                HtmlReport.escapeHtml("&amp; &lt; == `x` \"'"));
        assertEquals(Escapers.HTML.escape("&amp; &lt; == `x` \"'"), HtmlReport.escapeHtml("&amp; &lt; == `x` \"'"));
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String text = "Recorded crime fell by 7.0% (2019/20: 4,308) — not a significant change";
        assertSame(text, HtmlReport.escapeHtml(text));
    }

    @Test
    void randomTextsAsJmustacheEscapesThem() {
        String alphabet = "&<>\"'`= ab1;#\n\u00a3\u2014\ud83d\ude00";
        Random random = new Random(20261207L);
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            assertEquals(Escapers.HTML.escape(t), HtmlReport.escapeHtml(t), t);
        }
    }
}
