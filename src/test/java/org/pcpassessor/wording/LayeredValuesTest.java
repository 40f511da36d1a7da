package org.pcpassessor.wording;

import org.pcpassessor.facts.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A layer of values reads exactly as the LinkedHashMap copy it replaces (the oracle here): the copy of the shared
 * values with the same puts made, in the same order, compared entry by entry in iteration order, by get and
 * containsKey, size, equals and hashCode; layers over layers too, and frozen.
 */
class LayeredValuesTest {
    @Test
    void layersReadAsACopyWithThePutsMade() {
        Random random = new Random(20261123);
        for (int round = 0; round < 500; round++) {
            Map<String, Object> shared = new LinkedHashMap<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                shared.put("k" + random.nextInt(12), random.nextInt(100));
            }
            Map<String, Object> base = Collections.unmodifiableMap(shared);
            Map<String, Object> oracle = new LinkedHashMap<>(base);
            Map<String, Object> layered = new LayeredValues(base);
            for (int level = 0; level < 1 + random.nextInt(3); level++) {
                if (level > 0) {
                    layered = new LayeredValues(layered);
                }
                for (int i = random.nextInt(8); i > 0; i--) {
                    String k = "k" + random.nextInt(16);
                    Object v = random.nextInt(4) == 0 ? null : "v" + random.nextInt(100);
                    assertEquals(oracle.put(k, v), layered.put(k, v), "put returns the previous value");
                }
                assertSame(oracle, layered);
            }
            Map<String, Object> frozen = LayeredValues.frozen(layered);
            assertSame(oracle, frozen);
            assertThrows(UnsupportedOperationException.class, () -> frozen.put("k1", "x"));
        }
    }

    private static void assertSame(Map<String, Object> oracle, Map<String, Object> layered) {
        assertEquals(entries(oracle), entries(layered), "entries in iteration order");
        List<String> iterated = new ArrayList<>();
        layered.entrySet().forEach(e -> iterated.add(e.getKey() + "=" + e.getValue()));
        assertEquals(entries(oracle), iterated, "entries in iteration order, by the entry set");
        assertEquals(oracle.size(), layered.size());
        assertEquals(oracle, layered);
        assertEquals(layered, oracle);
        assertEquals(oracle.hashCode(), layered.hashCode());
        for (int k = 0; k < 16; k++) {
            assertEquals(oracle.get("k" + k), layered.get("k" + k));
            assertEquals(oracle.containsKey("k" + k), layered.containsKey("k" + k));
        }
    }

    private static List<String> entries(Map<String, Object> m) {
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }
}
