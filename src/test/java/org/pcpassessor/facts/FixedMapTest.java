package org.pcpassessor.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedMap} stands in for the LinkedHashMap and TreeMap copies a finding's evidence and a test's details were:
 * the reference here is those JDK maps themselves (order, lookups, equality and hash code both ways).
 */
class FixedMapTest {
    @Test
    void behavesAsTheLinkedHashMapItCopiesOnSeededRandomMaps() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int n = 0; n < 300; n++) {
            Map<String, Object> linked = new LinkedHashMap<>();
            int size = random.nextInt(0, 35);
            for (int i = 0; i < size; i++) {
                String key = "k" + random.nextInt(0, 60);
                Object value = switch (random.nextInt(4)) {
                    case 0 -> random.nextDouble();
                    case 1 -> random.nextInt(100);
                    case 2 -> "v" + random.nextInt(10);
                    default -> null;
                };
                linked.put(key, value);
            }
            Map<String, Object> fixed = FixedMap.copyOf(linked);
            assertEquals(List.copyOf(linked.keySet()), List.copyOf(fixed.keySet()));
            assertEquals(new ArrayList<>(linked.values()), new ArrayList<>(fixed.values()));
            assertEquals(linked, fixed);
            assertEquals(fixed, linked);
            assertEquals(new HashMap<>(linked), fixed);
            assertEquals(linked.hashCode(), fixed.hashCode());
            assertEquals(linked.toString(), fixed.toString());
            assertEquals(linked.size(), fixed.size());
            for (int k = 0; k < 60; k++) {
                String key = "k" + k;
                assertEquals(linked.containsKey(key), fixed.containsKey(key), key);
                assertEquals(linked.get(key), fixed.get(key), key);
            }
            assertSame(fixed, FixedMap.copyOf(fixed));
            if (!linked.isEmpty()) {
                Map<String, Object> changed = new LinkedHashMap<>(linked);
                String first = changed.keySet().iterator().next();
                changed.put(first, "something else");
                assertNotEquals(fixed, FixedMap.copyOf(changed));
                assertNotEquals(FixedMap.copyOf(changed), fixed);
            }
        }
    }

    @Test
    void theSameEntriesInAnotherOrderAreEqualAndSortedCopiesAreInKeyOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("pValue", 0.01);
        a.put("area", "North");
        a.put("run", 3);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("run", 3);
        b.put("pValue", 0.01);
        b.put("area", "North");
        assertEquals(FixedMap.copyOf(a), FixedMap.copyOf(b));
        assertEquals(FixedMap.copyOf(a).hashCode(), FixedMap.copyOf(b).hashCode());
        assertEquals(List.of("area", "pValue", "run"), List.copyOf(FixedMap.sortedCopyOf(b).keySet()));
        Map<String, Object> withNull = new LinkedHashMap<>(a);
        withNull.put("note", null);
        Map<String, Object> fixed = FixedMap.copyOf(withNull);
        assertTrue(fixed.containsKey("note"));
        assertNull(fixed.get("note"));
        assertFalse(fixed.containsKey("absent"));
    }

    @Test
    void aKeptHashCodeDecidesOnlyInequality() {
        // "Aa" and "BB" have the same String hash code (2112 = 65 * 31 + 97 = 66 * 31 + 66): maps that differ only
        // there have equal hash codes and must still be unequal; equal maps stay equal once their hashes are kept.
        assertEquals("Aa".hashCode(), "BB".hashCode());
        Map<String, Object> aa = FixedMap.copyOf(Map.of("area", "Aa"));
        Map<String, Object> bb = FixedMap.copyOf(Map.of("area", "BB"));
        assertEquals(aa.hashCode(), bb.hashCode());
        assertNotEquals(aa, bb);
        Map<String, Object> sameAsAa = FixedMap.copyOf(new LinkedHashMap<>(Map.of("area", "Aa")));
        assertEquals(aa.hashCode(), sameAsAa.hashCode());
        assertEquals(aa, sameAsAa);
        Map<String, Object> other = FixedMap.copyOf(Map.of("area", "North"));
        other.hashCode();
        assertNotEquals(aa, other);
        assertNotEquals(other, aa);
    }

    @Test
    void cannotBeChanged() {
        Map<String, Object> fixed = FixedMap.copyOf(Map.of("a", 1));
        assertThrows(UnsupportedOperationException.class, () -> fixed.put("b", 2));
        assertThrows(UnsupportedOperationException.class, () -> fixed.remove("a"));
        assertThrows(UnsupportedOperationException.class, fixed::clear);
        assertThrows(UnsupportedOperationException.class, () -> fixed.entrySet().iterator().next().setValue(3));
        Iterator<String> keys = fixed.keySet().iterator();
        keys.next();
        assertThrows(UnsupportedOperationException.class, keys::remove);
        assertEquals(Map.of("a", 1), fixed);
    }
}
