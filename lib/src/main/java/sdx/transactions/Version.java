package sdx.transactions;

/**
 * One committed version of a key.
 *
 * @param value    the value written
 * @param commitTs the logical time at which the writing transaction committed
 * @param writer   the id of the transaction that wrote it (0 for the initial load)
 */
public record Version(long value, long commitTs, long writer) {}
