package org.pcpassessor.wording;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A template's values as a layer over values shared by many (a snapshot's, formatted once per rule session): what
 * is put goes into this layer only, and the map reads as a {@link LinkedHashMap} copy of the shared values with
 * those puts made would, in the same order (a key already there keeps its place, a new key comes after). Every
 * sentence keeps its values; as copies, they were most of what a national run held in memory. Only puts; no
 * removal.
 */
final class LayeredValues extends AbstractMap<String, Object> {
    private final Map<String, Object> base;
    private final LinkedHashMap<String, Object> top;
    /** Keys of this layer that the base lacks. */
    private int added;

    LayeredValues(Map<String, Object> base) {
        this(base, new LinkedHashMap<>(), 0);
    }

    private LayeredValues(Map<String, Object> base, LinkedHashMap<String, Object> top, int added) {
        this.base = base;
        this.top = top;
        this.added = added;
    }

    /**
     * An unmodifiable map of the same entries in the same order, sharing the innermost base (which must not
     * change: a session's snapshot values are unmodifiable) and copying every layer above it into one.
     */
    static Map<String, Object> frozen(Map<String, Object> values) {
        if (!(values instanceof LayeredValues layered)) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
        java.util.ArrayDeque<LayeredValues> layers = new java.util.ArrayDeque<>();
        Map<String, Object> root = layered;
        while (root instanceof LayeredValues l) {
            layers.push(l);
            root = l.base;
        }
        LinkedHashMap<String, Object> merged = new LinkedHashMap<>();
        for (LayeredValues l : layers) { // innermost first: later layers win, first insertion keeps its place
            merged.putAll(l.top);
        }
        int added = 0;
        for (String k : merged.keySet()) {
            added += root.containsKey(k) ? 0 : 1;
        }
        return java.util.Collections.unmodifiableMap(new LayeredValues(root, merged, added));
    }

    /** What was put into this layer, in the order first put (read-only). */
    Map<String, Object> own() {
        return java.util.Collections.unmodifiableMap(top);
    }

    @Override
    public Object get(Object key) {
        Object v = top.get(key);
        return v != null || top.containsKey(key) ? v : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return top.containsKey(key) || base.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        boolean mine = top.containsKey(key);
        boolean shared = !mine && base.containsKey(key);
        if (!mine && !shared) {
            added++;
        }
        Object previous = top.put(key, value);
        return mine ? previous : shared ? base.get(key) : null;
    }

    @Override
    public int size() {
        return base.size() + added;
    }

    /**
     * The entries in iteration order, as {@link #entrySet} gives them, without an entry object each: every
     * sentence's values are read through once to find the figures it states (half the assembling of a report of
     * 4,292 measures).
     */
    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super Object> action) {
        base.forEach((k, v) -> {
            Object mine = top.get(k);
            action.accept(k, mine != null || top.containsKey(k) ? mine : v);
        });
        if (added > 0) {
            top.forEach((k, v) -> {
                if (!base.containsKey(k)) {
                    action.accept(k, v);
                }
            });
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return LayeredValues.this.size();
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private final Iterator<Entry<String, Object>> shared = base.entrySet().iterator();
                    private final Iterator<Entry<String, Object>> own = top.entrySet().iterator();
                    private Entry<String, Object> next = advance();

                    private Entry<String, Object> advance() {
                        if (shared.hasNext()) {
                            Entry<String, Object> e = shared.next();
                            return top.containsKey(e.getKey()) ? new SimpleImmutableEntry<>(e.getKey(),
                                    top.get(e.getKey())) : new SimpleImmutableEntry<>(e);
                        }
                        while (own.hasNext()) {
                            Entry<String, Object> e = own.next();
                            if (!base.containsKey(e.getKey())) {
                                return new SimpleImmutableEntry<>(e);
                            }
                        }
                        return null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next == null) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = next;
                        next = advance();
                        return e;
                    }
                };
            }
        };
    }
}
