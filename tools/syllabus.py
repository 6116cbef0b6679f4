"""The course's syllabus: one notebook per topic, in order. The single list the site index and the
welcome notebook check are built from."""

TOPICS = [
    ("00", "welcome", "How the course works"),
    ("01", "client-server-http", "Clients, servers and HTTP"),
    ("02", "dns", "DNS: from names to addresses"),
    ("03", "ip-tcp-udp", "IP, TCP and UDP"),
    ("04", "tls", "TLS: how HTTPS works"),
    ("05", "storage-latency", "Storage and latency numbers"),
    ("06", "availability", "Availability and redundancy"),
    ("07", "caching", "Caching: latency vs caching"),
    ("08", "cdn", "CDNs and their PoPs"),
    ("09", "proxies-load-balancing", "Proxies and load balancing"),
    ("10", "sql-indexes", "SQL, ACID and indexes"),
    ("11", "key-value-stores", "Key-value stores and coordination services"),
    ("12", "replication", "Replication: leaders and followers"),
    ("13", "sharding-hot-spots", "Sharding and hot spots"),
    ("14", "distributed-cache", "Distributing a cache"),
    ("15", "p2p-gossip", "Peer-to-peer and gossip"),
    ("16", "leader-election-consensus", "Leader election and consensus"),
    ("17", "distributed-transactions", "Distributed transactions: 2PC, 3PC, MVCC"),
    ("18", "polling-streaming", "Polling, long polling and streaming"),
    ("19", "pubsub-queues", "Publish/subscribe and message queues"),
    ("20", "rate-limiting", "Rate limiting"),
    ("21", "idempotency", "Idempotent operations"),
    ("22", "mapreduce", "MapReduce: word count"),
    ("23", "security", "Security: DDoS and XSS"),
    ("24", "capacity-planning", "Capacity planning"),
    ("25", "api-design", "API design"),
    ("26", "capstone", "Capstone: one service end to end"),
]


def filename(number, slug):
    return f"{number}-{slug}.ipynb"
