package io.yamano.netconf.server;

import io.yamano.netconf.notification.EventFilter;
import io.yamano.netconf.notification.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one event subscription of a session (<a
 * href="https://www.rfc-editor.org/rfc/rfc5277#section-2.1.1">RFC 5277 §2.1.1</a>): replayed events
 * from {@code startTime}, then {@code <replayComplete>}, then live events until {@code stopTime},
 * then {@code <notificationComplete>}.
 *
 * <p>The bus hands events over under its lock; they are queued here and sent by one task at a time
 * on the notification executor, so a slow client delays only itself, events keep their order, and
 * each goes out as one whole message between replies ({@code :interleave}, RFC 5277 §6).
 */
final class Subscription implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

  /** Events queued for a client that does not read them; beyond, the session is closed. */
  static final int MAX_QUEUED = 10_000;

  private static final String COMPLETE = "notificationComplete";

  private static final String NOTIFICATION_NS = "urn:ietf:params:xml:ns:netmod:notification";

  private final ServerSession session;
  private final ServerContext context;
  private final String stream;
  private final EventFilter filter;
  private final Optional<Instant> startTime;
  private final Optional<Instant> stopTime;

  /** Guarded by itself: events (or completion markers as {@code String}s) to send. */
  private final Queue<Object> queue = new ArrayDeque<>();

  private boolean draining;
  private boolean complete;
  private boolean closed;
  private AutoCloseable live = () -> {};
  private ScheduledFuture<?> stopTimer;

  Subscription(
      ServerSession session,
      ServerContext context,
      String stream,
      EventFilter filter,
      Optional<Instant> startTime,
      Optional<Instant> stopTime) {
    this.session = session;
    this.context = context;
    this.stream = stream;
    this.filter = filter;
    this.startTime = startTime;
    this.stopTime = stopTime;
  }

  /** Starts delivery; called after the {@code <rpc-reply>} of create-subscription is sent. */
  void start() {
    var bus = context.bus();
    try {
      if (startTime.isEmpty()) {
        live = bus.subscribe(this::onLive);
      } else {
        var stop = stopTime.orElse(null);
        boolean stopPassed = stop != null && !stop.isAfter(context.clock().instant());
        live =
            bus.replayThenSubscribe(
                stream,
                startTime.get(),
                stop,
                this::enqueue,
                () -> enqueue("replayComplete"),
                stopPassed ? null : this::onLive);
        if (stopPassed) {
          finish();
          return;
        }
      }
    } catch (IOException e) {
      LOG.warn("session {}: cannot replay events: {}", session.id(), e.getMessage());
      enqueue("replayComplete");
    }
    stopTime.ifPresent(
        stop -> {
          long delay = Duration.between(context.clock().instant(), stop).toMillis();
          synchronized (queue) {
            if (!complete && !closed) {
              stopTimer =
                  context.timer().schedule(this::finish, Math.max(0, delay), TimeUnit.MILLISECONDS);
            }
          }
        });
  }

  private void onLive(Notification n) {
    if (n.stream().equals(stream)
        && (stopTime.isEmpty() || n.eventTime().isBefore(stopTime.get()))) {
      enqueue(n);
    }
  }

  /** Ends the subscription at its stopTime: {@code <notificationComplete>} (RFC 5277 §2.2.1). */
  private void finish() {
    synchronized (queue) {
      if (complete || closed) {
        return;
      }
      enqueue(COMPLETE);
      complete = true;
    }
    unsubscribe();
  }

  private void enqueue(Object item) {
    synchronized (queue) {
      if (complete || closed) {
        return;
      }
      if (queue.size() >= MAX_QUEUED) {
        LOG.warn("session {}: {} events not read, closing the session", session.id(), MAX_QUEUED);
        closed = true;
        queue.clear();
        context.timer().execute(session::drop);
        return;
      }
      queue.add(item);
      if (draining) {
        return;
      }
      draining = true;
    }
    try {
      context.senders().execute(this::drain);
    } catch (RejectedExecutionException e) {
      // the service is shutting down: nothing more is delivered
      synchronized (queue) {
        closed = true;
        queue.clear();
        draining = false;
      }
    }
  }

  private void drain() {
    while (true) {
      Object next;
      synchronized (queue) {
        next = queue.poll();
        if (next == null || closed) {
          draining = false;
          return;
        }
      }
      byte[] message = render(next);
      if (message == null) {
        continue;
      }
      if (COMPLETE.equals(next)) {
        // the last message of this subscription: a client that has it may subscribe again
        session.subscriptionEnded(this);
      }
      try {
        session.transport().send(message);
        session.statistics().outNotifications.incrementAndGet();
        context.statistics().outNotifications.incrementAndGet();

      } catch (IOException e) {
        LOG.debug("session {}: notification not sent: {}", session.id(), e.getMessage());
        synchronized (queue) {
          closed = true;
          queue.clear();
          draining = false;
        }
        unsubscribe();
        return;
      }
    }
  }

  private byte[] render(Object item) {
    String xml;
    if (item instanceof Notification n) {
      try {
        // RFC 8341 §3.4.6: checked at delivery, under the rules in force then
        if (!session.datastore().access().mayReceive(n.namespace(), n.name())) {
          return null;
        }
        if (!filter.matches(n)) {
          return null;
        }
      } catch (RuntimeException e) {
        LOG.debug("session {}: filter failed on event {}: {}", session.id(), n.sequence(), e);
        return null;
      }
      xml = n.toXml();
    } else if (item instanceof String marker) {
      xml =
          new Notification(
                  0, context.clock().instant(), stream, NOTIFICATION_NS, marker, marker(marker))
              .toXml();
    } else {
      throw new IllegalStateException("not an event: " + item);
    }
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static String marker(String name) {
    return "<" + name + " xmlns=\"" + NOTIFICATION_NS + "\"/>";
  }

  private void unsubscribe() {
    try {
      live.close();
    } catch (Exception e) {
      LOG.debug("cannot unsubscribe", e);
    }
  }

  /** Stops delivery (the session ended); events still queued are dropped. */
  @Override
  public void close() {
    synchronized (queue) {
      closed = true;
      queue.clear();
      if (stopTimer != null) {
        stopTimer.cancel(false);
      }
    }
    unsubscribe();
  }
}
