package sdx.transport;

/** Everything a simulated TCP endpoint receives: segments from its peer and its own timers. */
public sealed interface TcpMessage permits Segment, TcpEndpoint.Retransmit, TcpEndpoint.AppClose, TcpEndpoint.TimeWaitOver {}
