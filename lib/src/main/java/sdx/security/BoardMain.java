package sdx.security;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sdx.core.Check;

/**
 * Runs the {@link CommentBoard} on its own for the browser test: prints {@code port=<n>} on a line, then serves
 * until standard input closes or {@code args[0]} seconds pass (default 60), whichever comes first, and exits.
 * {@code java -cp lib/target/sdx-all.jar sdx.security.BoardMain [seconds]}
 */
public final class BoardMain {
    private BoardMain() {}

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        Check.inRange("seconds", (int) Math.min(seconds, Integer.MAX_VALUE), 1, 3_600);
        CountDownLatch stop = new CountDownLatch(1);
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // keep reading until the parent closes our input
                }
            } catch (IOException ignored) {
                // treat as closed
            }
            stop.countDown();
        }, "board-stdin");
        stdin.setDaemon(true);
        try (CommentBoard board = CommentBoard.start()) {
            System.out.println("port=" + board.uri().getPort());
            System.out.flush();
            stdin.start();
            stop.await(seconds, TimeUnit.SECONDS);
        }
        System.exit(0);
    }
}
