package sdx.api.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import sdx.core.Check;

/**
 * Exercise 1's collection, thread-safe: items listed newest first (highest id first). New items get the next
 * id, so they appear at the top of the list, and items may be removed while a client pages.
 */
public final class ItemStore {
    private final NavigableMap<Long, Item> items = new TreeMap<>();
    private long nextId = 1;

    /** Adds an item named {@code name} (not blank) and returns it with its new id. */
    public synchronized Item add(String name) {
        Check.that(name != null && !name.isBlank(), "name", name, "must be a non-blank string");
        Item item = new Item(nextId++, name);
        items.put(item.id(), item);
        return item;
    }

    /** Removes the item {@code id}; whether it was there. */
    public synchronized boolean remove(long id) {
        return items.remove(id) != null;
    }

    /** At most {@code limit} (>= 1) items with an id below {@code beforeId}, newest first. */
    public synchronized List<Item> newestBefore(long beforeId, int limit) {
        Check.positive("limit", limit);
        List<Item> page = new ArrayList<>();
        for (Item item : items.headMap(beforeId, false).descendingMap().values()) {
            if (page.size() == limit) break;
            page.add(item);
        }
        return page;
    }

    /** Every item, newest first (a copy). */
    public synchronized List<Item> all() {
        return new ArrayList<>(items.descendingMap().values());
    }

    /** How many items there are. */
    public synchronized int size() {
        return items.size();
    }
}
