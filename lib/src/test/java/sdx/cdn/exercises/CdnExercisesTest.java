package sdx.cdn.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.cdn.Cdn;
import sdx.cdn.Geography;
import sdx.cdn.Theory;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Report;

/** Both exercises of notebook 08: the reference passes, the stub is not attempted, each wrong answer fails its check. */
class CdnExercisesTest {

    /** The TTLs that meet both constraints in theory form an interval; the notebook's answer sits well inside it. */
    @Test
    void theFeasibleTtlsFormAnIntervalAroundTheSolution() {
        Geography g = Cdn.geography();
        double[] p = CdnExercises.TTL_SCENARIO.popularity(), shares = g.popShares();
        double rate = CdnExercises.TTL_SCENARIO.requestsPerSecond(), u = CdnExercises.TTL_SCENARIO.updatesPerObjectPerSecond();
        double lo = Double.NaN, hi = Double.NaN;
        for (double t = 1; t <= 600; t += 1) {
            boolean ok = rate * Theory.originShareTtl(shares, p, rate, t) <= CdnExercises.ORIGIN_BUDGET
                    && Theory.staleShareTtl(shares, p, rate, u, t) <= CdnExercises.STALE_BOUND;
            if (ok && Double.isNaN(lo)) lo = t;
            if (ok) hi = t;
        }
        String range = String.format(Locale.ROOT, "[%.0f, %.0f]", lo, hi);
        assertTrue(lo <= 55 && hi >= 75 && hi - lo < 60, range);
    }

    @Nested
    class ChooseTtl extends GraderContract<Double> {
        @Override protected Report grade(Double answer) { return CdnExercises.chooseTtl(answer); }
        @Override protected Double reference() { return 65.0; } // the notebook's solution
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            return List.of(
                    mutant("a common default of 5 minutes, ignoring staleness", CdnExercises.STALE_CHECK, 300.0),
                    mutant("a day: 'CDNs should cache as long as possible'", CdnExercises.STALE_CHECK, 86_400.0),
                    mutant("10 s: 'fresh above all', ignoring the origin's budget", CdnExercises.ORIGIN_CHECK, 10.0),
                    mutant("0: not a TTL", CdnExercises.ORIGIN_CHECK, 0.0));
        }
    }

    @Nested
    class CacheControl extends GraderContract<CacheControlPolicy> {
        @Override protected Report grade(CacheControlPolicy answer) { return CdnExercises.cacheControl(answer); }
        @Override protected CacheControlPolicy reference() { return new ReferencePolicy(); }
        @Override protected CacheControlPolicy stub() { return header -> Exercise.todo(); }

        @Override
        protected List<Mutant<CacheControlPolicy>> mutants() {
            return List.of(
                    mutant("reads nothing: always 0", "maxAge", header -> 0L),
                    mutant("max-age only, s-maxage ignored", "sMaxage", new ReferencePolicy(false, true, true, true, true, true)),
                    mutant("no-store ignored", "noStore", new ReferencePolicy(true, false, true, true, true, true)),
                    mutant("private ignored", "privateResponse", new ReferencePolicy(true, true, false, true, true, true)),
                    mutant("no-cache read as 'cache it'", "noCache", new ReferencePolicy(true, true, true, false, true, true)),
                    mutant("a default of an hour when no lifetime is given", "noLifetime",
                            h -> h == null || h.isBlank() || !h.toLowerCase(Locale.ROOT).contains("max") ? 3600 : new ReferencePolicy().edgeTtlSeconds(h)),
                    mutant("case-sensitive directive names", "caseAndSpaces", new ReferencePolicy(true, true, true, true, false, true)),
                    mutant("Long.parseLong without care", "badValues", new ReferencePolicy(true, true, true, true, true, false)));
        }
    }

    /** The notebook's solution, with switches that turn off one rule each (the mutants). */
    static final class ReferencePolicy implements CacheControlPolicy {
        private final boolean sMaxage, noStore, privateRule, noCache, lenientSyntax, careful;

        ReferencePolicy() {
            this(true, true, true, true, true, true);
        }

        ReferencePolicy(boolean sMaxage, boolean noStore, boolean privateRule, boolean noCache, boolean lenientSyntax, boolean careful) {
            this.sMaxage = sMaxage;
            this.noStore = noStore;
            this.privateRule = privateRule;
            this.noCache = noCache;
            this.lenientSyntax = lenientSyntax;
            this.careful = careful;
        }

        @Override
        public long edgeTtlSeconds(String header) {
            if (header == null) return 0;
            Long maxAge = null, shared = null;
            for (String part : header.split(",")) {
                String d = lenientSyntax ? part.trim().toLowerCase(Locale.ROOT) : part.trim();
                if (d.equals("no-store") && noStore || d.equals("private") && privateRule || d.equals("no-cache") && noCache) return 0;
                if (d.startsWith("max-age=")) maxAge = seconds(d.substring(8));
                if (d.startsWith("s-maxage=") && sMaxage) shared = seconds(d.substring(9));
            }
            Long ttl = shared != null ? shared : maxAge;
            return ttl == null ? 0 : ttl;
        }

        private long seconds(String v) {
            if (!careful) return Long.parseLong(v);
            if (v.isEmpty() || !v.chars().allMatch(Character::isDigit)) return 0;
            return v.length() > 10 ? 2_147_483_648L : Math.min(Long.parseLong(v), 2_147_483_648L);
        }
    }
}
