package sdx.storage.exercises;

/** Exercise 3's answers: which access order is faster, or neither by more than a factor of 2. */
public enum Faster {
    /** Visiting the lines in address order. */
    SEQUENTIAL,
    /** Visiting the lines in a random order. */
    RANDOM,
    /** Within a factor of 2 of each other. */
    ABOUT_THE_SAME
}
