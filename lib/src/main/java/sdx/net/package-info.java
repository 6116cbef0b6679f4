/**
 * Real networking on 127.0.0.1 shared by the networked topics: an HTTP server on ephemeral ports with a fixed
 * number of workers ({@link sdx.net.LoopbackServer}; its handlers see request headers and bodies and may answer
 * with a stream of server-sent events), a thread-free keep-alive client ({@link sdx.net.LoopbackClient}: any
 * method, extra headers, a body, and {@link sdx.net.EventStream} to read server-sent events) and an open-loop load generator that records latency without coordinated
 * omission ({@link sdx.net.LoadGenerator}). Everything binds to the loopback address only and is closed by
 * {@code close()}; nothing is left running.
 */
package sdx.net;
