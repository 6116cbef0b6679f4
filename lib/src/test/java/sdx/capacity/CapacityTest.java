package sdx.capacity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.capacity.Assumptions.Knob;
import sdx.capacity.Theory.LogNormal;
import sdx.capacity.Uncertainty.Range;

class CapacityTest {

    @Test
    void unitsMultiplyDivideAndRefuseToMix() {
        Quantity rate = Quantity.of(86_400, Units.REQUEST).per(Units.DAY);
        assertEquals(1.0, rate.in(Units.REQUEST.per(Units.SECOND)), 1e-12);
        Quantity bandwidth = rate.times(Quantity.of(1, Units.KB).per(Units.REQUEST));
        assertEquals(8_000, bandwidth.in(Units.BIT.per(Units.SECOND)), 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bandwidth.plus(rate));
        assertTrue(e.getMessage().contains("bytes per second") && e.getMessage().contains("requests per second"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bandwidth.in(Units.GB));
        assertEquals("4.38 TB", Quantity.of(4.38e12, Units.BYTE).toString());
        assertEquals("1 KB/s (8 Kbit/s)", bandwidth.toString());
        assertEquals("5 servers", Quantity.of(5, Units.SERVER).toString());
        assertEquals(1024 * 1024, Units.MIB.in(Units.BYTE), 0);
    }

    @Test
    void theOutlinesPhotoServiceWorkedByHand() {
        PhotoEstimate e = Capacity.estimate(Assumptions.outline());
        double perSecond = 1 / 86_400.0;
        assertEquals(2e6 * perSecond, e.uploadRate().in(Units.REQUEST.per(Units.SECOND)), 1e-9);
        assertEquals(2e6 * 50 * perSecond, e.viewRate().in(Units.REQUEST.per(Units.SECOND)), 1e-9);
        assertEquals(2e6 * 51 * perSecond * 3, e.peakRequestRate().in(Units.REQUEST.per(Units.SECOND)), 1e-9);
        assertEquals(2e6 * 50 * perSecond * 3 * 2000 * 8, e.peakEgress().in(Units.BIT.per(Units.SECOND)), 1e-6);
        assertEquals(2e6 * 365 * 2000 * 3, e.storagePerYear().in(Units.BYTE), 1);
        assertEquals(500e6 * 1000 * 3, e.userData().in(Units.BYTE), 1);
        assertEquals(5 * 2e6 * 365 * 2000 * 3 + 1.5e12, e.totalStorage().in(Units.BYTE), 1);
        assertEquals(0.2 * 2e6 * 50 * 2000, e.cache().in(Units.BYTE), 1);
        assertEquals(Math.ceil(2e6 * 51 * 3 / 86_400.0 / 1000) + 1, e.servers().in(Units.SERVER), 0); // 5
        assertEquals(10, e.table().rowCount());
    }

    @Test
    void sensitivityFollowsEachFiguresExponents() {
        Sensitivity storage = Capacity.sensitivity(Assumptions.outline(), Output.PEAK_EGRESS, 2);
        // peak egress = active users x views x peak/average x image size / 1 day: exponent 1 in each
        for (Knob k : List.of(Knob.DAILY_ACTIVE_USERS, Knob.VIEWS_PER_USER, Knob.PEAK_TO_AVERAGE, Knob.IMAGE_BYTES)) {
            assertEquals(100, storage.percentChange(k, true), 1e-9, k.label());
            assertEquals(-50, storage.percentChange(k, false), 1e-9, k.label());
        }
        for (Knob k : List.of(Knob.TOTAL_USERS, Knob.YEARS, Knob.REPLICAS, Knob.REQUESTS_PER_SERVER)) {
            assertEquals(0, storage.percentChange(k, true), 1e-9, k.label());
        }
        Sensitivity servers = Capacity.sensitivity(Assumptions.outline(), Output.SERVERS, 2);
        // views are 50 of every 51 requests: they move the server count far more than uploads do
        assertTrue(servers.knobs().indexOf(Knob.VIEWS_PER_USER) < servers.knobs().indexOf(Knob.UPLOADS_PER_USER));
        assertEquals(-40, servers.percentChange(Knob.REQUESTS_PER_SERVER, true), 1e-9, "5 servers become 3");
        assertEquals(0, servers.percentChange(Knob.TOTAL_USERS, true), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Capacity.sensitivity(Assumptions.outline(), Output.CACHE, 1));
    }

    @Test
    void uncertainEgressFollowsTheLognormalProduct() {
        List<Range> ranges = List.of(new Range(Knob.DAILY_ACTIVE_USERS, 1e6, 4e6), new Range(Knob.VIEWS_PER_USER, 10, 100),
                new Range(Knob.IMAGE_BYTES, 1e3, 8e3));
        Uncertainty u = Capacity.uncertainty(Assumptions.outline(), ranges, 20_000, 7);
        // Kolmogorov-Smirnov: for 20,000 draws from the theory itself, D exceeds 1.63/sqrt(n) = 0.0115
        // with probability 1%; 0.015 leaves room for the sampler's discreteness and still fails a wrong sigma
        assertTrue(u.ksDistance() < 0.015, "KS distance " + u.ksDistance());
        // a wrong theory (interval ends multiplied, sigmas added instead of variances) is far off
        LogNormal dau = LogNormal.ofInterval(1e6, 4e6), views = LogNormal.ofInterval(10, 100), img = LogNormal.ofInterval(1e3, 8e3);
        double sigmaSum = dau.sigma() + views.sigma() + img.sigma();
        assertTrue(Math.abs(u.theory().sigma() - sigmaSum) > 0.3, "variances add, not sigmas");
        assertArrayEquals(u.gbits(), Capacity.uncertainty(Assumptions.outline(), ranges, 20_000, 7).gbits(), "same seed");
        assertTrue(u.plot().seriesCount() >= 2);
    }

    @Test
    void tooWideAnIntervalIsRefusedWithItsKnob() {
        List<Range> wide = List.of(new Range(Knob.PEAK_TO_AVERAGE, 0.5, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Capacity.uncertainty(Assumptions.outline(), wide, 1000, 1));
        assertTrue(e.getMessage().contains("peak / average") && e.getMessage().contains("too wide"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Range(Knob.IMAGE_BYTES, 10, 5));
    }

    @Test
    void theNetworkOvertakesTheCpuAtTheCrossover() {
        Limits l = Capacity.limits(Server.commodity(), 0.9, 100, 1e8);
        double x = l.crossoverBytes(); // 10 Gbit/s / 8 / 32,000 requests/s = 39,062.5 bytes
        assertEquals(10e9 / 8 / 32_000, x, 1e-6);
        double[] at = Theory.limits(Server.commodity(), x, 0.9);
        assertEquals(at[0], at[1], 1e-6 * at[0]);
        double[] c = l.capacity();
        for (int i = 1; i < c.length; i++) assertTrue(c[i] <= c[i - 1], "capacity never grows with the response");
    }

    @Test
    void badAssumptionsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Assumptions.outline().with(Knob.DAILY_ACTIVE_USERS, 1e9));
        assertTrue(e.getMessage().contains("dailyActiveUsers"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Assumptions.outline().with(Knob.HOT_FRACTION, 2))
                .getMessage().contains("hotFraction"));
    }
}
