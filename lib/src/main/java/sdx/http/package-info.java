/**
 * Notebook 01, client-server and HTTP: everything on real sockets on 127.0.0.1.
 * <ul>
 *   <li>{@link sdx.http.Http}: the facade, one method per notebook question: {@code wire} (the bytes of one
 *       exchange, through {@link sdx.http.Wire}), {@code methods} and {@code statusCodes} (tables),
 *       {@code keepAliveVsNew} (a TCP connection per request vs keep-alive), {@code queueing} and
 *       {@code queueAt} (latency vs load at a server with c worker threads).</li>
 *   <li>{@link sdx.http.Theory}: the M/M/c queue (Erlang C) drawn beside the measurement.</li>
 *   <li>{@link sdx.http.exercises.HttpExercises}: the check cells (a request handler graded with real HTTP
 *       requests; a predicted mean latency).</li>
 * </ul>
 * The server and client themselves are {@code sdx.net}'s {@code LoopbackServer} and {@code LoopbackClient}.
 */
package sdx.http;
