package sdx.sharding;

/**
 * A key and its (estimated or exact) count.
 *
 * @param key   the key
 * @param count how many times it was seen (an estimate when it comes from a sketch)
 */
public record KeyCount(int key, long count) {}
