package io.yamano.datastore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Delivers committed change sets to subscribers: in commit order, each on its own thread. */
final class ChangeNotifier {
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  AutoCloseable subscribe(DatastoreName name, ChangeListener listener) {
    var subscription = new Subscription(name, listener);
    subscriptions.add(subscription);
    return () -> {
      subscriptions.remove(subscription);
      subscription.executor.shutdown();
    };
  }

  void publish(ChangeSet changes) {
    for (var subscription : subscriptions) {
      if (subscription.name == changes.datastore()) {
        subscription.executor.execute(() -> subscription.deliver(changes));
      }
    }
  }

  void close() {
    for (var subscription : subscriptions) {
      subscription.executor.shutdown();
    }
    for (var subscription : subscriptions) {
      try {
        subscription.executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final class Subscription {
    final DatastoreName name;
    final ChangeListener listener;
    final ExecutorService executor;

    Subscription(DatastoreName name, ChangeListener listener) {
      this.name = name;
      this.listener = listener;
      this.executor =
          Executors.newSingleThreadExecutor(
              r -> {
                var thread = new Thread(r, "yamano-changes-" + name.yangName());
                thread.setDaemon(true);
                return thread;
              });
    }

    void deliver(ChangeSet changes) {
      try {
        listener.onCommit(changes);
      } catch (RuntimeException e) {
        System.getLogger(ChangeNotifier.class.getName())
            .log(System.Logger.Level.ERROR, "change listener failed", e);
      }
    }
  }
}
