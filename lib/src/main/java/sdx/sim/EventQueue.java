package sdx.sim;

import java.util.Arrays;

/** A binary min-heap of events ordered by (time, sequence number): the simulator's one queue. */
final class EventQueue {
    /** Something scheduled to happen at {@link #time}. */
    abstract static class Event {
        long time;
        long seq;

        abstract void fire();
    }

    private Event[] heap = new Event[256];
    private int size;

    void add(Event e) {
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Event p = heap[parent];
            if (!before(e, p)) break;
            heap[i] = p;
            i = parent;
        }
        heap[i] = e;
    }

    Event peek() {
        return size == 0 ? null : heap[0];
    }

    Event poll() {
        if (size == 0) return null;
        Event top = heap[0];
        Event last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                Event c = heap[child];
                int right = child + 1;
                if (right < size && before(heap[right], c)) {
                    child = right;
                    c = heap[child];
                }
                if (!before(c, last)) break;
                heap[i] = c;
                i = child;
            }
            heap[i] = last;
        }
        return top;
    }

    int size() {
        return size;
    }

    private static boolean before(Event a, Event b) {
        return a.time < b.time || (a.time == b.time && a.seq < b.seq);
    }
}
