package io.yamano.netconf.notification;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one event bus of the server: every event is logged for replay, then handed to each live
 * subscriber (NETCONF subscriptions, later RESTCONF streams and the CLI) in order.
 */
public final class NotificationBus implements AutoCloseable {
  /** The default stream every NETCONF server has (RFC 5277 §3.2.3). */
  public static final String NETCONF_STREAM = "NETCONF";

  private final ReplayLog log;
  private final Clock clock;
  private final List<Consumer<Notification>> subscribers = new CopyOnWriteArrayList<>();

  public NotificationBus(ReplayLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** Publishes an event on the NETCONF stream now. */
  public Notification publish(String namespace, String name, String contentXml) {
    return publish(NETCONF_STREAM, clock.instant(), namespace, name, contentXml);
  }

  /** Publishes an event; a failure to log it is reported but does not stop live delivery. */
  public synchronized Notification publish(
      String stream, Instant time, String namespace, String name, String contentXml) {
    Notification notification;
    try {
      notification = log.append(time, stream, namespace, name, contentXml);
    } catch (IOException e) {
      System.getLogger(NotificationBus.class.getName())
          .log(System.Logger.Level.WARNING, "event not logged for replay: " + e.getMessage());
      notification = new Notification(0, time, stream, namespace, name, contentXml);
    }
    for (var subscriber : subscribers) {
      try {
        subscriber.accept(notification);
      } catch (RuntimeException e) {
        // one failing subscriber must not keep the event from the others
        System.getLogger(NotificationBus.class.getName())
            .log(System.Logger.Level.WARNING, "subscriber failed: " + e);
      }
    }
    return notification;
  }

  /**
   * Subscribes to live events; the returned handle unsubscribes. Publishing is serialised with
   * subscribing, so a subscriber that replays first and then goes live misses nothing: call {@link
   * #replayThenSubscribe}.
   */
  public synchronized AutoCloseable subscribe(Consumer<Notification> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /**
   * Replays stored events of {@code stream} from {@code start} (to {@code stop}, exclusive) and
   * then, atomically with respect to publishing, subscribes to live ones.
   */
  public synchronized AutoCloseable replayThenSubscribe(
      String stream,
      Instant start,
      Instant stop,
      Consumer<Notification> replayed,
      Consumer<Notification> live)
      throws IOException {
    return replayThenSubscribe(stream, start, stop, replayed, () -> {}, live);
  }

  /**
   * As {@link #replayThenSubscribe(String, Instant, Instant, Consumer, Consumer)}, calling {@code
   * afterReplay} between the last replayed event and the first live one (for {@code
   * <replayComplete>}, RFC 5277 §2.1.1); with a {@code null} {@code live} nothing is subscribed.
   */
  public synchronized AutoCloseable replayThenSubscribe(
      String stream,
      Instant start,
      Instant stop,
      Consumer<Notification> replayed,
      Runnable afterReplay,
      Consumer<Notification> live)
      throws IOException {
    log.replay(stream, start, stop, replayed);
    afterReplay.run();
    if (live == null) {
      return () -> {};
    }
    subscribers.add(live);
    return () -> subscribers.remove(live);
  }

  /** When the replay log begins. */
  public Instant replayLogCreationTime() throws IOException {
    return log.oldest();
  }

  @Override
  public void close() throws IOException {
    log.close();
  }
}
