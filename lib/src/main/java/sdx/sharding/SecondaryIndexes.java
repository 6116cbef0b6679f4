package sdx.sharding;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import sdx.core.Check;
import sdx.core.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Secondary indexes on a sharded table, counted in shard requests. Documents are sharded by id (hash
 * mod N); each has a secondary attribute (say a colour) with {@code values} possible values, Zipf
 * popular. A query asks for every document with one value.
 * <ul>
 *   <li><b>Local</b> (document-partitioned) index: each shard indexes only its own documents. A write
 *       touches one shard; a query must ask all N shards and merge (scatter/gather).</li>
 *   <li><b>Global</b> (term-partitioned) index: the index itself is sharded by the attribute value.
 *       A query asks one index shard, then fetches the matching documents from the shards that hold them
 *       (or nothing more if the index stores copies: a covering index). A write touches the document's
 *       shard and, with probability (N−1)/N, another shard for the index entry: a distributed write,
 *       which real systems (DynamoDB global secondary indexes) apply asynchronously, so the index lags.</li>
 * </ul>
 *
 * @param shards         N
 * @param docs           documents
 * @param queries        queries simulated
 * @param localQuery     shard requests per query, local index (always N)
 * @param globalQuery    shard requests per query, global index, fetching matches from their shards
 * @param localWrite     shard requests per insert, local index (always 1)
 * @param globalWrite    shard requests per insert, global index (measured)
 * @param globalWriteTheory {@code 1 + (N−1)/N}
 */
public record SecondaryIndexes(int shards, int docs, int queries, double localQuery, double globalQuery,
                               double localWrite, double globalWrite, double globalWriteTheory) {

    /**
     * What {@link #run(Settings)} measures, by name.
     *
     * @param shards  N, at least 2
     * @param docs    documents inserted, at least 1
     * @param values  distinct attribute values, at least 1
     * @param queries queries, each for a value drawn with Zipf(1) popularity, at least 1
     * @param seed    the seed
     */
    public record Settings(int shards, int docs, int values, int queries, long seed) {
        /** Validates. */
        public Settings {
            Check.atLeast("shards", shards, 2);
            Check.positive("docs", docs);
            Check.positive("values", values);
            Check.positive("queries", queries);
        }

        /** 8 shards, 100,000 documents, 10,000 values, 10,000 queries, seed 42. */
        public static Settings defaults() {
            return new Settings(8, 100_000, 10_000, 10_000, 42);
        }

        /** These settings with {@code n} shards. */
        public Settings withShards(int n) {
            return new Settings(n, docs, values, queries, seed);
        }

        /** These settings with {@code n} documents. */
        public Settings withDocs(int n) {
            return new Settings(shards, n, values, queries, seed);
        }

        /** These settings with {@code n} distinct values. */
        public Settings withValues(int n) {
            return new Settings(shards, docs, n, queries, seed);
        }

        /** These settings with {@code n} queries. */
        public Settings withQueries(int n) {
            return new Settings(shards, docs, values, n, seed);
        }

        /** These settings with another seed. */
        public Settings withSeed(long s) {
            return new Settings(shards, docs, values, queries, s);
        }
    }

    /** Runs the measurement the settings name. */
    public static SecondaryIndexes run(Settings settings) {
        Check.notNull("settings", settings);
        return run(settings.shards(), settings.docs(), settings.values(), settings.queries(), settings.seed());
    }

    /**
     * (Notebooks use {@link #run(Settings)}.)
     *
     * @param shards  N, at least 2
     * @param docs    documents inserted, at least 1
     * @param values  distinct attribute values, at least 1
     * @param queries queries, each for a value drawn with the same Zipf(1) popularity, at least 1
     */
    public static SecondaryIndexes run(int shards, int docs, int values, int queries, long seed) {
        Check.atLeast("shards", shards, 2);
        Check.positive("docs", docs);
        Check.positive("values", values);
        Check.positive("queries", queries);
        UniformRandomProvider rng = Rng.of(seed);
        var zipf = RejectionInversionZipfSampler.of(rng, values, 1.0);
        ModHashPartitioner byId = ModHashPartitioner.of(shards);
        ModHashPartitioner byValue = new ModHashPartitioner(shards, seed ^ 0x5eed);
        @SuppressWarnings("unchecked")
        Set<Integer>[] shardsHolding = new Set[values];
        long writeRequests = 0;
        for (int id = 0; id < docs; id++) {
            int value = zipf.sample() - 1;
            int docShard = byId.shardOf(id);
            writeRequests += docShard == byValue.shardOf(value) ? 1 : 2;
            if (shardsHolding[value] == null) shardsHolding[value] = new HashSet<>();
            shardsHolding[value].add(docShard);
        }
        long globalRequests = 0;
        for (int q = 0; q < queries; q++) {
            int value = zipf.sample() - 1;
            globalRequests += 1 + (shardsHolding[value] == null ? 0 : shardsHolding[value].size());
        }
        return new SecondaryIndexes(shards, docs, queries, shards, globalRequests / (double) queries, 1,
                writeRequests / (double) docs, 1 + (shards - 1) / (double) shards);
    }

    /** Requests per query and per write for each kind of index. */
    public Table table() {
        Table t = Table.create("Secondary index on " + shards + " shards: " + docs + " documents, " + queries + " queries");
        return t.addColumns(StringColumn.create("index", "local (per shard)", "global, then fetch the documents",
                        "global, covering (stores copies)"),
                DoubleColumn.create("shard requests per query", ShardLoad.round(localQuery), ShardLoad.round(globalQuery), 1.0),
                DoubleColumn.create("shard requests per write", ShardLoad.round(localWrite), ShardLoad.round(globalWrite),
                        ShardLoad.round(globalWrite)),
                DoubleColumn.create("per write, theory", 1.0, ShardLoad.round(globalWriteTheory), ShardLoad.round(globalWriteTheory)));
    }
}
