package sdx.transport;

/** The TCP connection states of RFC 9293 (section 3.3.2) that a connection passes through here. */
public enum TcpState {
    CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, LAST_ACK, TIME_WAIT
}
