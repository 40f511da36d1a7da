package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcpassessor.catalogue.Polarity;
import org.pcpassessor.catalogue.Target.Assurance;

/**
 * Making Data Count's icon states and their drawings. The assurance rule is NHSRplotthedots'
 * ptd_calculate_assurance_type (R/ptd_calculate_assurance_type.R): for an increasing measure, target > upl is
 * consistent_fail, target < lpl consistent_pass, anything else (between the limits or on one) inconsistent; the
 * reverse for a decreasing one; none for a neutral one. The cases are its own test data's (upl 3, lpl 1).
 */
class IconsTest {

    @Test
    void assuranceIsWhereTheTargetLiesAgainstTheProcessLimits() {
        assertEquals(Optional.of(Assurance.HIT_AND_MISS), Assurance.of(2, 1, 3, Polarity.UP_IS_GOOD));
        assertEquals(Optional.of(Assurance.CONSISTENT_FAIL), Assurance.of(4, 1, 3, Polarity.UP_IS_GOOD));
        assertEquals(Optional.of(Assurance.CONSISTENT_PASS), Assurance.of(0.5, 1, 3, Polarity.UP_IS_GOOD));
        assertEquals(Optional.of(Assurance.CONSISTENT_PASS), Assurance.of(4, 1, 3, Polarity.DOWN_IS_GOOD));
        assertEquals(Optional.of(Assurance.CONSISTENT_FAIL), Assurance.of(0.5, 1, 3, Polarity.DOWN_IS_GOOD));
        // on a limit: case_when's strict > and < leave it to "inconsistent"
        assertEquals(Optional.of(Assurance.HIT_AND_MISS), Assurance.of(3, 1, 3, Polarity.UP_IS_GOOD));
        assertEquals(Optional.of(Assurance.HIT_AND_MISS), Assurance.of(1, 1, 3, Polarity.DOWN_IS_GOOD));
        assertEquals(Optional.empty(), Assurance.of(4, 1, 3, Polarity.NEUTRAL));
    }

    @Test
    void variationIsTheSideOfASpecialCauseMonthReadByPolarity() {
        assertEquals(Icons.Variation.COMMON_CAUSE, Icons.variation(false, 1, Polarity.UP_IS_GOOD));
        assertEquals(Icons.Variation.IMPROVEMENT_HIGH, Icons.variation(true, 1, Polarity.UP_IS_GOOD));
        assertEquals(Icons.Variation.CONCERN_LOW, Icons.variation(true, -1, Polarity.UP_IS_GOOD));
        assertEquals(Icons.Variation.IMPROVEMENT_LOW, Icons.variation(true, -1, Polarity.DOWN_IS_GOOD));
        assertEquals(Icons.Variation.CONCERN_HIGH, Icons.variation(true, 1, Polarity.DOWN_IS_GOOD));
        assertEquals(Icons.Variation.NEITHER_HIGH, Icons.variation(true, 1, Polarity.NEUTRAL));
        assertEquals(Icons.Variation.NEITHER_LOW, Icons.variation(true, -1, Polarity.NEUTRAL));
    }

    /** Each SVG says what it means to a screen reader, in its own colour (Making Data Count's, NHSRplotthedots'). */
    @Test
    void everyIconIsAnImageWithItsTextAndColour() {
        for (Icons.Variation v : Icons.Variation.values()) {
            String svg = Icons.svg(v);
            assertTrue(svg.startsWith("<svg") && svg.contains("role=\"img\"") && svg.contains("aria-label=\"" + v.text
                    + "\"") && svg.contains("<title>" + v.text + "</title>") && svg.contains(v.colour), svg);
        }
        String svg = Icons.svg(Assurance.CONSISTENT_FAIL, "The target (90.0%) <missed> & \"more\"");
        assertTrue(svg.contains("aria-label=\"The target (90.0%) &lt;missed&gt; &amp; &quot;more&quot;\""), svg);
        assertTrue(svg.contains(Icons.ORANGE), svg);
    }

    /** The PNG the Word paper shows: the size asked for, its ring in the state's colour, its middle white. */
    @Test
    void thePngIsTheSameIconDrawnInPixels() throws Exception {
        BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(
                Icons.png(Assurance.CONSISTENT_PASS, 64)));
        assertEquals(64, image.getWidth());
        assertEquals(64, image.getHeight());
        // the ring: 2 units in from the edge of a 32-unit square, 2.5 wide, so at x = 2 units (4 px) on the middle row
        Color ring = new Color(image.getRGB(4, 32), true);
        assertEquals(Color.decode(Icons.BLUE).getRGB() & 0xFFFFFF, ring.getRGB() & 0xFFFFFF);
        // the corner is outside the circle: transparent
        assertEquals(0, new Color(image.getRGB(0, 0), true).getAlpha());
        // the same input, the same bytes (the paper's determinism)
        assertTrue(java.util.Arrays.equals(Icons.png(Icons.Variation.CONCERN_LOW, 64),
                Icons.png(Icons.Variation.CONCERN_LOW, 64)));
    }
}
