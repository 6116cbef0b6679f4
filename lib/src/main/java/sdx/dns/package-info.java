/**
 * Notebook 02, DNS: from names to addresses.
 *
 * <ul>
 *   <li>{@link sdx.dns.Resolution}: stub → recursive → root → TLD → authoritative on the simulator
 *       ({@code sdx.sim}), with TTL caches; cold vs warm latency as sums of (assumed) round trips; a
 *       sequence diagram per lookup.</li>
 *   <li>{@link sdx.dns.TtlStudy}: the TTL trade-off over a simulated day (load on the authoritative server
 *       vs how long resolvers serve an old address), beside the renewal-theory formulas.</li>
 *   <li>{@link sdx.dns.ZoneServer}: a real authoritative server on 127.0.0.1 UDP for {@link sdx.dns.Zone}
 *       {@code course.test.}, speaking the wire format of {@link sdx.dns.DnsWire} (RFC 1035 §4.1, name
 *       compression); {@link sdx.dns.Dig} queries it with the dnsjava client library.</li>
 *   <li>{@link sdx.dns.AddressSpace}: address block sizes computed from prefixes (IPv4, IPv6).</li>
 * </ul>
 *
 * <pre>{@code
 * try (ZoneServer server = ZoneServer.start(Zone.courseTest())) {
 *     Dig.Reply reply = Dig.ask(server.port(), "www.course.test.", "A");
 *     DnsWire.table("the answer", server.exchanges().get(0).response());
 * }
 * }</pre>
 */
package sdx.dns;
