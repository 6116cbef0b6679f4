package sdx.api.exercises;

import sdx.core.Check;

/**
 * One item of exercise 1's collection; as JSON {@code {"id": 7, "name": "seven"}}.
 *
 * @param id   its id, from 1, increasing in the order items were added
 * @param name its name, not blank
 */
public record Item(long id, String name) {
    public Item {
        Check.that(id >= 1, "id", id, "must be >= 1");
        Check.notNull("name", name);
    }
}
