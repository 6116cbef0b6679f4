/**
 * Notebook 18 (polling, long polling and streaming): one feed of events delivered to many clients three ways,
 * measured as staleness, requests per second and connections held open at the server.
 * <ul>
 *   <li>{@link sdx.streaming.Streaming}: the experiments, on the simulator ({@code simulate}, {@code intervals},
 *       {@code clients}: virtual time, deterministic, beside {@link sdx.streaming.Theory}) and on a real
 *       loopback server ({@code loopback}, {@code loopbackSweep}: wall clock).</li>
 *   <li>{@link sdx.streaming.FeedServer}: the HTTP feed server ({@code /poll}, {@code /longpoll}, {@code /stream}
 *       as server-sent events) over an {@link sdx.streaming.EventLog}; {@link sdx.streaming.LongPoll} is the
 *       long-poll handler's interface and {@link sdx.streaming.WaitingLongPoll} the course's.</li>
 *   <li>{@link sdx.streaming.FeedSim}: the three protocols as simulator nodes.</li>
 *   <li>Exercises: {@link sdx.streaming.exercises.StreamingExercises}.</li>
 * </ul>
 */
package sdx.streaming;
