package org.pcpassessor.facts;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map of a few entries, in a fixed order, kept on two arrays: the evidence of a finding (a dozen to
 * thirty keys) and the details of a test. A run keeps about five findings a series; as copies in
 * {@code LinkedHashMap}s their entries and hash tables were a fifth of the live heap at 100,048 series (7.4 million
 * entries of 40 bytes). Here an entry costs two references. A key is found by a scan, which for maps of this size
 * is as quick as hashing the key (and most keys are the same string constants, equal at the first comparison).
 *
 * <p>Equality and hash code are those of every {@link Map} ({@link AbstractMap}); null keys and values are kept as
 * given. No JDK type does this: {@code Map.of} and {@code Map.copyOf} keep no order (and differ between runs), a
 * linked or tree map keeps an object per entry; the libraries that have one (fastutil's array maps, say) are large
 * dependencies for one small class.
 *
 * <p>The hash code is computed once and kept (the values held are immutable: numbers, texts, lists made
 * unmodifiable): two maps whose hash codes differ are unequal at once. Findings are compared pairwise by the narrate
 * rules' guards ({@code used contains $f}), and those of one measure differ only in their evidence, at its last
 * entries (the further fact's), so each comparison walked the whole map (a quarter of the narrate rules' time with
 * 800 areas).
 */
public final class FixedMap<K, V> extends AbstractMap<K, V> {
    private final Object[] keys;
    private final Object[] values;
    /** The hash code, or 0 before it is first asked for (racy but safe, as {@link String}'s). */
    private int hash;

    private FixedMap(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** The map's entries in its iteration order; the map itself when it is one of these already. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map) {
        if (map instanceof FixedMap<?, ?> fixed) {
            return (Map<K, V>) fixed;
        }
        Object[] keys = new Object[map.size()];
        Object[] values = new Object[keys.length];
        int[] n = {0};
        map.forEach((k, v) -> {
            keys[n[0]] = k;
            values[n[0]] = v;
            n[0]++;
        });
        if (n[0] != keys.length) {
            throw new IllegalStateException("the map changed while it was copied");
        }
        return new FixedMap<>(keys, values);
    }

    /** The map's entries in the order of their keys. */
    public static <V> Map<String, V> sortedCopyOf(Map<String, ? extends V> map) {
        return copyOf(new TreeMap<>(map));
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (Objects.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept((K) keys[i], (V) values[i]);
        }
    }

    /**
     * As every map's equality; two of these with their keys in the same order are compared position by position
     * (the general form looks each key up in the other map: a scan each here).
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (o instanceof FixedMap<?, ?> other) {
            if (hashCode() != other.hashCode()) {
                return false;
            }
            if (Arrays.equals(keys, other.keys)) {
                return Arrays.equals(values, other.values);
            }
        }
        return super.equals(o);
    }

    /** As every map's hash code: the sum of its entries' (key hash XOR value hash). */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            for (int i = 0; i < keys.length; i++) {
                h += Objects.hashCode(keys[i]) ^ Objects.hashCode(values[i]);
            }
            hash = h;
        }
        return h;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<K, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
