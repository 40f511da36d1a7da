package org.pcpassessor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Equal month texts made by different series are one string, the first given. */
class LabelsTest {
    @Test
    void equalTextsAreKeptOnce() {
        String first = new StringBuilder("rolling 12 months January 2020 to ").append("December 2020 (LabelsTest)").toString();
        String second = new StringBuilder("rolling 12 months January 2020 to ").append("December 2020 (LabelsTest)").toString();
        assertNotSame(first, second);
        assertSame(first, Labels.shared(first));
        assertSame(first, Labels.shared(second));
        String other = "average of January 2017 to December 2019 (LabelsTest)";
        assertEquals(other, Labels.shared(other));
    }
}
