/**
 * SQL, ACID and indexes (notebook 10), on two real embedded databases in memory. SQLite ({@link sdx.sql.Sqlite},
 * the most deployed database) answers the index questions with its own words and numbers: query plans
 * ({@code SCAN}, {@code SEARCH ... USING INDEX}, {@code COVERING INDEX}) and B-tree pages and depth from its
 * {@code dbstat} table. H2 ({@link sdx.sql.Bank}, an MVCC engine with row locks, like PostgreSQL) answers the
 * transaction questions.
 *
 * <p>Entry points: the facade {@link sdx.sql.SqlIndexes} (lookups vs table size, insert cost vs number of
 * indexes, a composite index and its leftmost prefix, atomic transfers, lost updates under concurrency), the
 * closed forms in {@link sdx.sql.Theory}, the family interface {@link sdx.sql.Deposit} with four
 * implementations in {@link sdx.sql.Deposits}, and the exercises in {@link sdx.sql.exercises.SqlExercises}.
 */
package sdx.sql;
