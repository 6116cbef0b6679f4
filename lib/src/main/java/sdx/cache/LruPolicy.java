package sdx.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdx.core.Check;

/**
 * Least Recently Used: on a miss with a full cache, evict the key whose last use is oldest. A hash map
 * finds a key's node in O(1); a doubly linked list keeps the keys in recency order (most recent at
 * the head, the victim at the tail). LRU is a stack algorithm (Mattson et al., "Evaluation techniques
 * for storage hierarchies", IBM Systems Journal 1970): a bigger LRU cache always holds a superset of
 * a smaller one on the same trace, so its hit count never falls as capacity grows.
 */
public final class LruPolicy implements CachePolicy {
    private final int capacity;
    private final Map<Integer, Node> nodes;
    /** Sentinel of a circular list: {@code head.next} is the most recent key, {@code head.prev} the victim. */
    private final Node head = new Node(-1);

    /** An empty LRU cache holding at most {@code capacity} keys. */
    public LruPolicy(int capacity) {
        this.capacity = Check.positive("capacity", capacity);
        this.nodes = new HashMap<>(Math.min(capacity, 1 << 20) * 2);
        head.prev = head;
        head.next = head;
    }

    @Override
    public boolean access(int key) {
        Check.that(key >= 0, "key", key, "must be >= 0");
        Node node = nodes.get(key);
        if (node != null) {
            unlink(node);
            pushFront(node);
            return true;
        }
        if (nodes.size() == capacity) {
            Node victim = head.prev;
            unlink(victim);
            nodes.remove(victim.key);
        }
        node = new Node(key);
        nodes.put(key, node);
        pushFront(node);
        CachePolicy.checkSize(name(), nodes.size(), capacity);
        return false;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int size() {
        return nodes.size();
    }

    @Override
    public List<Integer> evictionOrder() {
        List<Integer> keys = new ArrayList<>(nodes.size());
        for (Node n = head.prev; n != head; n = n.prev) keys.add(n.key);
        return keys;
    }

    @Override
    public String name() {
        return "LRU";
    }

    private void unlink(Node n) {
        n.prev.next = n.next;
        n.next.prev = n.prev;
    }

    private void pushFront(Node n) {
        n.next = head.next;
        n.prev = head;
        head.next.prev = n;
        head.next = n;
    }

    private static final class Node {
        final int key;
        Node prev, next;

        Node(int key) {
            this.key = key;
        }
    }
}
