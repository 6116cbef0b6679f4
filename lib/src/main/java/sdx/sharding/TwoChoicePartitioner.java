package sdx.sharding;

/**
 * The old name of {@link TwoChoiceRouter}: two choices routes by load, so it is a {@link Router}, not a
 * pure {@link Partitioner}.
 *
 * @deprecated use {@link TwoChoiceRouter#of(int)}
 */
@Deprecated
public final class TwoChoicePartitioner {
    private TwoChoicePartitioner() {}

    /** @deprecated use {@link TwoChoiceRouter#of(int)} */
    @Deprecated
    public static TwoChoiceRouter of(int shards) {
        return TwoChoiceRouter.of(shards);
    }
}
