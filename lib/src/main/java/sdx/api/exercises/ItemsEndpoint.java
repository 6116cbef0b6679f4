package sdx.api.exercises;

import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

/**
 * Exercise 1: the handler of {@code GET /v1/items?limit=&cursor=} and {@code POST /v1/items}, over an
 * {@link ItemStore}. The grader serves it on a real loopback server and checks it with HTTP requests.
 */
public interface ItemsEndpoint {
    /** Page size when a GET names no limit. */
    int DEFAULT_LIMIT = 10;
    /** The largest limit a GET may ask for. */
    int MAX_LIMIT = 50;

    /** Answers one request for /v1/items. */
    Reply handle(Request request);

    /** Makes an endpoint over a store: your constructor, {@code MyItems::new}. */
    @FunctionalInterface
    interface Factory {
        ItemsEndpoint create(ItemStore store);
    }
}
