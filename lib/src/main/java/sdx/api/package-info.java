/**
 * API design (notebook 25), taught on a real JSON API on 127.0.0.1: {@link sdx.api.BookmarkApi} (resources and
 * methods, status codes, ETags, RFC 9457 problem details built by {@link sdx.api.Problem}, keyset pagination with
 * opaque {@link sdx.api.Cursor}s, rate-limit and Idempotency-Key headers), the notebook's experiments on it in
 * {@link sdx.api.Api} (each table made from real HTTP exchanges), old clients run against server changes in
 * {@link sdx.api.Compatibility}, and offset vs keyset pagination on an in-memory SQLite database with the rows
 * read counted by a SQL function in {@link sdx.api.Pagination}. JSON is Jackson ({@link sdx.api.Json}).
 *
 * <p>Entry points: {@link sdx.api.Api}, {@link sdx.api.Compatibility}, {@link sdx.api.Pagination}, and the
 * exercises in {@link sdx.api.exercises.ApiExercises}.
 */
package sdx.api;
