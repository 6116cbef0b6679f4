package sdx.capacity;

import sdx.core.Check;

/**
 * What a photo-sharing estimate starts from: the course outline's figures (500 million users, 2 million
 * active, 2 KB images) and the ones the outline leaves out, each marked as an assumption in
 * {@link #outline()}. Change one with {@link #with(Knob, double)}.
 *
 * @param totalUsers                 registered users
 * @param dailyActiveUsers           users active on a given day
 * @param uploadsPerActiveUserPerDay photos an active user uploads per day
 * @param viewsPerActiveUserPerDay   photos an active user views per day
 * @param imageBytes                 bytes per stored and served image
 * @param peakToAverage              peak request rate over the day's average rate
 * @param replicas                   copies of every stored byte
 * @param hotFraction                share of a day's viewed bytes worth caching (the "hot 20%")
 * @param requestsPerServerPerSecond requests one application server answers per second
 * @param bytesPerUser               bytes of profile data per registered user
 * @param years                      how many years of photos to keep
 */
public record Assumptions(double totalUsers, double dailyActiveUsers, double uploadsPerActiveUserPerDay,
        double viewsPerActiveUserPerDay, double imageBytes, double peakToAverage, double replicas,
        double hotFraction, double requestsPerServerPerSecond, double bytesPerUser, double years) {

    /** One of the numbers an estimate depends on, for sensitivity charts and uncertainty runs. */
    public enum Knob {
        TOTAL_USERS("total users"), DAILY_ACTIVE_USERS("daily active users"),
        UPLOADS_PER_USER("uploads per active user per day"), VIEWS_PER_USER("views per active user per day"),
        IMAGE_BYTES("image size"), PEAK_TO_AVERAGE("peak / average"), REPLICAS("replicas"),
        HOT_FRACTION("hot fraction cached"), REQUESTS_PER_SERVER("requests/s per server"),
        BYTES_PER_USER("bytes per user"), YEARS("years kept");

        private final String label;

        Knob(String label) {
            this.label = label;
        }

        /** The knob in words, for tables and charts. */
        public String label() {
            return label;
        }
    }

    public Assumptions {
        Check.positive("totalUsers", totalUsers);
        Check.positive("dailyActiveUsers", dailyActiveUsers);
        Check.that(dailyActiveUsers <= totalUsers, "dailyActiveUsers", dailyActiveUsers,
                "must be <= totalUsers (" + totalUsers + ")");
        Check.atLeast("uploadsPerActiveUserPerDay", uploadsPerActiveUserPerDay, 0);
        Check.atLeast("viewsPerActiveUserPerDay", viewsPerActiveUserPerDay, 0);
        Check.positive("imageBytes", imageBytes);
        Check.atLeast("peakToAverage", peakToAverage, 1);
        Check.atLeast("replicas", replicas, 1);
        Check.inRange("hotFraction", hotFraction, 0, 1);
        Check.positive("requestsPerServerPerSecond", requestsPerServerPerSecond);
        Check.atLeast("bytesPerUser", bytesPerUser, 0);
        Check.positive("years", years);
    }

    /**
     * The outline's example: 500 million users, 2 million of them active per day, 2 KB images. The rest
     * are this course's assumptions, stated so they can be argued with: 1 upload and 50 views per active
     * user per day, a peak of 3x the day's average, 3 replicas, the hot 20% cached, 1,000 requests/s per
     * server, 1 KB of profile per user, 5 years kept.
     */
    public static Assumptions outline() {
        return new Assumptions(500e6, 2e6, 1, 50, 2e3, 3, 3, 0.2, 1_000, 1e3, 5);
    }

    /** The value of {@code knob}. */
    public double get(Knob knob) {
        return switch (Check.notNull("knob", knob)) {
            case TOTAL_USERS -> totalUsers;
            case DAILY_ACTIVE_USERS -> dailyActiveUsers;
            case UPLOADS_PER_USER -> uploadsPerActiveUserPerDay;
            case VIEWS_PER_USER -> viewsPerActiveUserPerDay;
            case IMAGE_BYTES -> imageBytes;
            case PEAK_TO_AVERAGE -> peakToAverage;
            case REPLICAS -> replicas;
            case HOT_FRACTION -> hotFraction;
            case REQUESTS_PER_SERVER -> requestsPerServerPerSecond;
            case BYTES_PER_USER -> bytesPerUser;
            case YEARS -> years;
        };
    }

    /** These assumptions with {@code knob} set to {@code value} (checked like the constructor). */
    public Assumptions with(Knob knob, double value) {
        double[] v = {totalUsers, dailyActiveUsers, uploadsPerActiveUserPerDay, viewsPerActiveUserPerDay,
            imageBytes, peakToAverage, replicas, hotFraction, requestsPerServerPerSecond, bytesPerUser, years};
        v[Check.notNull("knob", knob).ordinal()] = value;
        return new Assumptions(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
}
