package org.pcpassessor.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The memos this package keeps for the life of a process (files read, modules compiled, knowledge bases made, texts
 * checked): each a map of the most recent entries, the one least recently used dropped beyond a bound, so that a
 * long watch of many edits holds a bounded number.
 */
final class Recent {
    private Recent() {
    }

    /**
     * A synchronized map of at most {@code most} entries, in order of use; a caller that reads and then writes it as
     * one step synchronizes on the map itself (as {@link Collections#synchronizedMap} says).
     */
    static <K, V> Map<K, V> map(int most) {
        return Collections.synchronizedMap(new LinkedHashMap<K, V>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > most;
            }
        });
    }
}
