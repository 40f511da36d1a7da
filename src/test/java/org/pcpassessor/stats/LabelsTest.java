package org.pcpassessor.stats;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Equal month texts made by different series are one string, the first given. */
class LabelsTest {
    @Test
    void equalTextsAreKeptOnce() {
        String text = "rolling 12 months January 2020 to December 2020 (LabelsTest)";
        String first = new String(text.toCharArray());
        String second = new String(text.toCharArray());
        assertNotSame(first, second);
        assertSame(first, Labels.shared(first));
        assertSame(first, Labels.shared(second));
        String other = "average of January 2017 to December 2019 (LabelsTest)";
        assertSame(other, Labels.shared(other));
        assertSame(other, Labels.shared(new String(other.toCharArray())));
        assertNotSame(first, Labels.shared(other));
    }
}
