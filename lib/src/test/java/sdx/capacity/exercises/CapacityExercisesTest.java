package sdx.capacity.exercises;

import java.util.List;
import org.junit.jupiter.api.Nested;
import sdx.capacity.Quantity;
import sdx.capacity.Server;
import sdx.capacity.Units;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Report;

/** Notebook 24's graders against the solutions, plausible wrong answers and the stubs. */
class CapacityExercisesTest {

    /** The notebook's solution. */
    static ShortenerEstimate solution(ShortenerLoad l) {
        Quantity writes = Quantity.of(l.newUrlsPerMonth(), Units.REQUEST).per(Units.MONTH);
        Quantity reads = writes.times(l.readsPerWrite());
        Quantity storage = Quantity.of(l.newUrlsPerMonth(), Units.REQUEST).per(Units.MONTH).times(Units.YEAR.times(l.years()))
                .times(Quantity.of(l.bytesPerUrl(), Units.BYTE).per(Units.REQUEST));
        return new ShortenerEstimate(writes, reads, storage);
    }

    /** Also correct: 30-day months, within the tolerance. */
    static ShortenerEstimate thirtyDayMonths(ShortenerLoad l) {
        Quantity writes = Quantity.of(l.newUrlsPerMonth(), Units.REQUEST).per(Units.DAY.times(30));
        return new ShortenerEstimate(writes, writes.times(l.readsPerWrite()),
                Quantity.of(l.newUrlsPerMonth() * 12 * l.years() * l.bytesPerUrl(), Units.BYTE));
    }

    static ShortenerEstimate withWrites(ShortenerLoad l, Quantity writes) {
        ShortenerEstimate s = solution(l);
        return new ShortenerEstimate(writes, s.readRate(), s.storage());
    }

    static ShortenerEstimate noHoursInADay(ShortenerLoad l) {
        return withWrites(l, Quantity.of(l.newUrlsPerMonth(), Units.REQUEST).per(Units.SECOND.times(30 * 3600)));
    }

    static ShortenerEstimate perMonthNotPerSecond(ShortenerLoad l) {
        return withWrites(l, Quantity.of(l.newUrlsPerMonth(), Units.REQUEST).per(Units.MONTH).times(Units.MONTH));
    }

    static ShortenerEstimate readsDivided(ShortenerLoad l) {
        ShortenerEstimate s = solution(l);
        return new ShortenerEstimate(s.writeRate(), s.writeRate().times(1 / l.readsPerWrite()), s.storage());
    }

    static ShortenerEstimate oneYearOnly(ShortenerLoad l) {
        ShortenerEstimate s = solution(l);
        return new ShortenerEstimate(s.writeRate(), s.readRate(), s.storage().times(1 / l.years()));
    }

    static ShortenerEstimate storageAsBandwidth(ShortenerLoad l) {
        ShortenerEstimate s = solution(l);
        return new ShortenerEstimate(s.writeRate(), s.readRate(),
                s.writeRate().times(Quantity.of(l.bytesPerUrl(), Units.BYTE).per(Units.REQUEST)));
    }

    static ShortenerEstimate theExampleAlways(ShortenerLoad l) {
        return solution(ShortenerLoad.example());
    }

    @Nested
    class ShortenerGrader extends GraderContract<ShortenerEstimator> {
        @Override protected Report grade(ShortenerEstimator e) { return CapacityExercises.shortener(e); }
        @Override protected ShortenerEstimator reference() { return CapacityExercisesTest::solution; }
        @Override protected ShortenerEstimator stub() { return l -> Exercise.todo(); }
        @Override protected List<ShortenerEstimator> alsoCorrect() { return List.of(CapacityExercisesTest::thirtyDayMonths); }

        @Override
        protected List<Mutant<ShortenerEstimator>> mutants() {
            return List.of(
                    mutant("a day of 3,600 seconds", "writeRateOfTheExample", CapacityExercisesTest::noHoursInADay),
                    mutant("URLs per month called a rate per second", "writeRateOfTheExample", CapacityExercisesTest::perMonthNotPerSecond),
                    mutant("reads = writes / readsPerWrite", "readRateOfTheExample", CapacityExercisesTest::readsDivided),
                    mutant("one year of records", "storageOfTheExample", CapacityExercisesTest::oneYearOnly),
                    mutant("storage as bytes per second", "storageOfTheExample", CapacityExercisesTest::storageAsBandwidth),
                    mutant("the example's figures whatever the load", "otherLoads", CapacityExercisesTest::theExampleAlways));
        }
    }

    /** The notebook's solution. */
    static Utilization utilization(Server s, sdx.capacity.Traffic t) {
        double rps = t.requestsPerSecond();
        return new Utilization(rps / (s.cores() * s.requestsPerCorePerSecond()),
                rps * t.responseBytes() * 8 / (s.nicGigabitsPerSecond() * 1e9),
                rps * (1 - t.cacheHitRatio()) / s.diskIops(),
                t.workingSetBytes() / s.ramBytes());
    }

    static UtilizationModel changing(java.util.function.BiFunction<Server, sdx.capacity.Traffic, Utilization> f) {
        return f::apply;
    }

    @Nested
    class UtilizationGrader extends GraderContract<UtilizationModel> {
        @Override protected Report grade(UtilizationModel m) { return CapacityExercises.utilization(m); }
        @Override protected UtilizationModel reference() { return CapacityExercisesTest::utilization; }
        @Override protected UtilizationModel stub() { return (s, t) -> Exercise.todo(); }

        @Override
        protected List<Mutant<UtilizationModel>> mutants() {
            return List.of(
                    mutant("one core only", "cpu", changing((s, t) -> {
                        Utilization u = utilization(s, t);
                        return new Utilization(t.requestsPerSecond() / s.requestsPerCorePerSecond(), u.network(), u.disk(), u.memory());
                    })),
                    mutant("bytes against a link rated in bits", "network", changing((s, t) -> {
                        Utilization u = utilization(s, t);
                        return new Utilization(u.cpu(), u.network() / 8, u.disk(), u.memory());
                    })),
                    mutant("every request reads the disk", "disk", changing((s, t) -> {
                        Utilization u = utilization(s, t);
                        return new Utilization(u.cpu(), u.network(), t.requestsPerSecond() / s.diskIops(), u.memory());
                    })),
                    mutant("memory over working set", "memory", changing((s, t) -> {
                        Utilization u = utilization(s, t);
                        return new Utilization(u.cpu(), u.network(), u.disk(), s.ramBytes() / Math.max(1, t.workingSetBytes()));
                    })),
                    mutant("the worked example's server whatever the server", "randomCases",
                            changing((s, t) -> utilization(UtilizationChecks.WORKED, t))));
        }
    }
}
