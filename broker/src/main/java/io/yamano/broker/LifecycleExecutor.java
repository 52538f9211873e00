package io.yamano.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs lifecycle metadata: an event moves a VNF from its state along the matching {@link
 * Transition}, running its actions in order through the VNF's broker; a primitive runs its actions
 * without changing the state.
 *
 * <p>Every attempt runs on a worker thread and is abandoned after its timeout (its session is
 * closed, so a blocked call ends too): a broker or plugin can delay an operation by at most the
 * metadata's timeouts, never hang it. Transient failures ({@link
 * BrokerException.Reason#isTransient}) are retried after exponential backoff; a refusal is not.
 *
 * <p>Parameters available to templates, besides the instance's own: {@value #VNF_INSTANCE}, and
 * whatever the caller adds (the lifecycle engine adds {@code ns-instance}, {@code
 * member-vnf-index}, {@code vnfd-id}, {@value #MGMT_ADDRESS} and {@code vdu.<vdu>.<cp>.ip}). Inside
 * a primitive its own parameters come on top.
 */
public final class LifecycleExecutor implements AutoCloseable {
  /** Parameter holding the VNF instance id (used in error messages). */
  public static final String VNF_INSTANCE = "vnf-instance";

  /** Parameter holding the VNF's management address (the default of {@link Management#address}). */
  public static final String MGMT_ADDRESS = "mgmt-address";

  private static final int MAX_REPLY_IN_REPORT = 512;

  private final VnfBrokers brokers;
  private final ExecutorService workers;

  public LifecycleExecutor(VnfBrokers brokers) {
    this.brokers = brokers;
    var count = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              var t = new Thread(r, "yamano-broker-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Delivers {@code event} to a VNF in {@code state}.
   *
   * @param parameters template values: the instance's parameters and the built-in ones
   * @return the new state and what ran; never throws for a failed action
   */
  public Outcome fire(
      LifecycleMetadata metadata,
      String state,
      String event,
      Map<String, String> parameters,
      Progress progress) {
    Optional<Transition> transition = metadata.transition(state, event);
    if (transition.isEmpty()) {
      return new Outcome(state, false, List.of(), Optional.empty());
    }
    Transition t = transition.get();
    parameters = metadata.withDefaults(parameters);
    try (var run = new Run(metadata, parameters)) {
      Optional<BrokerException> failure = run.actions(t.actions(), parameters, "", progress);
      String next = failure.isEmpty() ? t.to() : (t.onFailure() != null ? t.onFailure() : state);
      return new Outcome(next, true, run.reports, failure);
    }
  }

  /**
   * Runs a day-2 primitive of a VNF in {@code state}.
   *
   * @param arguments the caller's values of the primitive's declared parameters
   * @param parameters the instance's template values
   */
  public Outcome runPrimitive(
      LifecycleMetadata metadata,
      String state,
      String primitive,
      Map<String, String> arguments,
      Map<String, String> parameters,
      Progress progress) {
    String vnf = parameters.getOrDefault(VNF_INSTANCE, metadata.name());
    Primitive p = metadata.primitives().get(primitive);
    try {
      if (p == null) {
        throw new BrokerException(
            BrokerException.Reason.BAD_METADATA,
            "the VNF has no primitive '"
                + primitive
                + "' (it has "
                + metadata.primitives().keySet()
                + ")");
      }
      if (!p.allowedIn().isEmpty() && !p.allowedIn().contains(state)) {
        throw new BrokerException(
            BrokerException.Reason.BAD_METADATA,
            "primitive '"
                + primitive
                + "' may not run in state '"
                + state
                + "' (only in "
                + p.allowedIn()
                + ")");
      }
      parameters = metadata.withDefaults(parameters);
      var values = new LinkedHashMap<>(parameters);
      values.putAll(p.bind(arguments));
      try (var run = new Run(metadata, parameters)) {
        Optional<BrokerException> failure =
            run.actions(p.actions(), values, primitive + "/", progress);
        return new Outcome(state, true, run.reports, failure);
      }
    } catch (BrokerException e) {
      return new Outcome(state, false, List.of(), Optional.of(e.in(vnf, null, primitive)));
    }
  }

  /** Stops the worker threads; attempts still running are interrupted. */
  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** One run: one lazily opened session, reports in order. */
  private final class Run implements AutoCloseable {
    final LifecycleMetadata metadata;
    final String vnf;
    final Map<String, String> instanceParameters;
    final List<Outcome.StepReport> reports = new ArrayList<>();
    volatile VnfEndpoint endpoint;
    VnfSession session;

    Run(LifecycleMetadata metadata, Map<String, String> parameters) {
      this.metadata = metadata;
      this.instanceParameters = Map.copyOf(parameters);
      this.vnf = parameters.getOrDefault(VNF_INSTANCE, metadata.name());
    }

    String address() {
      return endpoint == null ? null : endpoint.address();
    }

    Optional<BrokerException> actions(
        List<Action> actions, Map<String, String> values, String prefix, Progress progress) {
      for (int i = 0; i < actions.size(); i++) {
        Action action = actions.get(i);
        progress.starting(prefix + action.name(), i, actions.size());
        try {
          action(action, values, prefix);
        } catch (BrokerException e) {
          return Optional.of(e.in(vnf, address(), prefix + action.name()));
        }
      }
      return Optional.empty();
    }

    private void action(Action action, Map<String, String> values, String prefix)
        throws BrokerException {
      String name = prefix + action.name();
      long start = System.nanoTime();
      if (action instanceof Action.Invoke invoke) {
        invoke(name, invoke, values, start);
      } else if (action instanceof Action.WaitFor wait) {
        waitFor(name, wait, values, start);
      } else if (action instanceof Action.Pause pause) {
        sleep(pause.duration());
        report(name, 0, start, true, "paused " + pause.duration());
      } else if (action instanceof Action.RunPrimitive run) {
        Primitive p = metadata.primitives().get(run.primitive());
        var args = new LinkedHashMap<String, String>();
        for (var e : run.parameters().entrySet()) {
          args.put(e.getKey(), Template.render(e.getValue(), values, Template.RAW));
        }
        var nested = new LinkedHashMap<>(instanceParameters);
        nested.putAll(p.bind(args));
        Optional<BrokerException> failure = actions(p.actions(), nested, name + "/", Progress.NONE);
        report(
            name, 1, start, failure.isEmpty(), failure.map(Throwable::getMessage).orElse("done"));
        if (failure.isPresent()) {
          throw failure.get();
        }
      }
    }

    private void invoke(String name, Action.Invoke invoke, Map<String, String> values, long start)
        throws BrokerException {
      Operation op = invoke.operation().render(values);
      RetryPolicy policy = invoke.policy();
      BrokerException last = null;
      int attempts = 0;
      for (int attempt = 0; attempt <= policy.retries(); attempt++) {
        if (attempt > 0) {
          sleep(policy.backoffBefore(attempt));
        }
        attempts++;
        try {
          String reply = attempt(op, policy.timeout());
          String unmet = invoke.check().failure(reply);
          if (unmet == null) {
            report(name, attempts, start, true, reply);
            return;
          }
          last = new BrokerException(BrokerException.Reason.CHECK_FAILED, unmet, shorten(reply));
        } catch (BrokerException e) {
          last = e;
          if (!e.reason().isTransient()) {
            break;
          }
        }
      }
      report(name, attempts, start, false, last.getMessage());
      if (attempts > 1) {
        throw new BrokerException(
                last.reason(),
                last.detail() + " (after " + attempts + " attempts)",
                last.vnfAnswer().orElse(null))
            .in(vnf, address(), name);
      }
      throw last.in(vnf, address(), name);
    }

    private void waitFor(String name, Action.WaitFor wait, Map<String, String> values, long start)
        throws BrokerException {
      Operation probe = wait.probe().render(values);
      long deadline = start + wait.timeout().toNanos();
      String lastProblem = "no probe ran";
      String lastAnswer = null;
      int probes = 0;
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        probes++;
        try {
          String reply = attempt(probe, Duration.ofNanos(left));
          String unmet = wait.check().failure(reply);
          if (unmet == null) {
            report(name, probes, start, true, reply);
            return;
          }
          lastProblem = unmet;
          lastAnswer = shorten(reply);
        } catch (BrokerException e) {
          if (e.reason() == BrokerException.Reason.BAD_METADATA
              || e.reason() == BrokerException.Reason.UNSUPPORTED) {
            throw e;
          }
          lastProblem = e.detail();
          lastAnswer = e.vnfAnswer().orElse(null);
        }
        left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        sleep(Duration.ofNanos(Math.min(left, wait.interval().toNanos())));
      }
      String detail =
          "condition not met within " + wait.timeout() + " (" + probes + " probes): " + lastProblem;
      report(name, probes, start, false, detail);
      throw new BrokerException(BrokerException.Reason.TIMEOUT, detail, lastAnswer);
    }

    /**
     * One attempt within {@code timeout}; the session is dropped after a timeout or a broken link.
     */
    private String attempt(Operation op, Duration timeout) throws BrokerException {
      Future<String> future =
          workers.submit(
              () -> {
                return session().perform(op);
              });
      try {
        return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        dropSession();
        throw new BrokerException(BrokerException.Reason.TIMEOUT, "no answer within " + timeout);
      } catch (InterruptedException e) {
        future.cancel(true);
        dropSession();
        Thread.currentThread().interrupt();
        throw new BrokerException(BrokerException.Reason.TIMEOUT, "interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BrokerException b) {
          if (b.reason() == BrokerException.Reason.UNREACHABLE
              || b.reason() == BrokerException.Reason.TIMEOUT) {
            dropSession();
          }
          throw b;
        }
        dropSession();
        throw new BrokerException(
            BrokerException.Reason.BROKER_ERROR,
            "the " + metadata.management().broker() + " broker failed: " + cause,
            cause);
      }
    }

    private VnfSession session() throws BrokerException {
      VnfEndpoint target;
      synchronized (this) {
        if (session != null) {
          return session;
        }
        if (endpoint == null) {
          endpoint = metadata.management().endpoint(vnf, instanceParameters);
        }
        target = endpoint;
      }
      // opened without the lock: a timed-out attempt drops the session while this may block
      VnfSession opened = brokers.get(metadata.management().broker()).open(target);
      synchronized (this) {
        if (Thread.currentThread().isInterrupted() || session != null) {
          opened.close();
          if (session == null) {
            throw new BrokerException(BrokerException.Reason.TIMEOUT, "abandoned");
          }
          return session;
        }
        session = opened;
        return opened;
      }
    }

    /** Forgets the session; a broken one is closed in the background, never blocking the run. */
    private void dropSession() {
      VnfSession s;
      synchronized (this) {
        s = session;
        session = null;
      }
      if (s != null) {
        try {
          workers.execute(() -> closeQuietly(s));
        } catch (java.util.concurrent.RejectedExecutionException e) {
          closeQuietly(s);
        }
      }
    }

    private void report(String name, int attempts, long start, boolean ok, String reply) {
      reports.add(
          new Outcome.StepReport(
              name, attempts, Duration.ofNanos(System.nanoTime() - start), ok, shorten(reply)));
    }

    @Override
    public void close() {
      VnfSession s;
      synchronized (this) {
        s = session;
        session = null;
      }
      if (s != null) {
        closeQuietly(s);
      }
    }
  }

  private static void closeQuietly(VnfSession s) {
    try {
      s.close();
    } catch (RuntimeException e) {
      // closing a broken session: nothing more to do
    }
  }

  private static void sleep(Duration d) throws BrokerException {
    try {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException(BrokerException.Reason.TIMEOUT, "interrupted");
    }
  }

  static String shorten(String reply) {
    if (reply == null) {
      return null;
    }
    String flat = reply.replaceAll("\\s+", " ").trim();
    return flat.length() <= MAX_REPLY_IN_REPORT
        ? flat
        : flat.substring(0, MAX_REPLY_IN_REPORT) + "…";
  }
}
