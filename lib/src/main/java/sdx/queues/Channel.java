package sdx.queues;

/** What a consumer tells the queue about the delivery it is handling; exactly one of these per delivery. */
public interface Channel {
    /** Done: the queue forgets the message. */
    void ack(long id);

    /** Failed, try again: the queue delivers the message again later, with the attempt count one higher. */
    void retry(long id);

    /** Give up: the message goes to the dead-letter queue, for a person to look at. */
    void deadLetter(long id);
}
