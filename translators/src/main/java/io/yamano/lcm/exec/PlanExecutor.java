package io.yamano.lcm.exec;

import io.yamano.lcm.plan.Action;
import io.yamano.lcm.plan.Plan;
import io.yamano.lcm.plan.Step;
import io.yamano.vim.VimException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs plans. A step starts as soon as every step it depends on has completed, so independent steps
 * run in parallel, at most {@code permitsPerAccount} calls at once per VIM account (see {@link
 * VimConnections}). Each step is journaled before it runs and after it completes.
 *
 * <p>When a step fails, no further step starts; once the running ones end, the completed steps are
 * undone in reverse completion order (unless the caller asked to keep them) and the execution ends
 * {@link Execution.Outcome#ROLLED_BACK} with a {@link StepFailure} naming the step, the resource
 * and the reason.
 *
 * <p>{@link #close()} starts nothing new, waits for running steps to end and ends their executions
 * {@link Execution.Outcome#INTERRUPTED} without undoing anything: the journal shows what ran, and
 * {@link JournalRecovery} undoes it at the next start, as after a crash.
 */
public final class PlanExecutor implements AutoCloseable {

  private final StepRunner runner;
  private final io.yamano.lcm.broker.VnfConfigurator configurator;
  private final ExecutorService pool;
  private final Set<Run> runs = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  /**
   * @param threads the threads that run steps (shared by every plan)
   */
  public PlanExecutor(VimConnections vims, int threads) {
    this(vims, threads, io.yamano.lcm.broker.VnfConfigurator.NONE);
  }

  /**
   * @param configurator runs a VNF's lifecycle when a configure step runs
   */
  public PlanExecutor(
      VimConnections vims, int threads, io.yamano.lcm.broker.VnfConfigurator configurator) {
    this.configurator = configurator;
    this.runner = new StepRunner(vims);
    var counter = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              var thread = new Thread(r, "yamano-lcm-step-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts a plan.
   *
   * @param keepOnFailure leave completed steps in place when a step fails, instead of rolling back
   * @return completes when the plan has ended, never exceptionally
   */
  public CompletableFuture<Execution> execute(
      Plan plan, PlanJournal journal, boolean keepOnFailure) {
    var run = new Run(plan, journal, keepOnFailure);
    if (closing) {
      run.future.complete(
          new Execution(
              plan, Execution.Outcome.INTERRUPTED, Map.of(), Optional.empty(), List.of()));
      return run.future;
    }
    runs.add(run);
    run.future.whenComplete((e, t) -> runs.remove(run));
    run.start();
    return run.future;
  }

  /**
   * Stops starting steps, waits (up to a minute) for running ones and ends their plans interrupted.
   */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    for (Run run : List.copyOf(runs)) {
      run.interrupt();
    }
    for (Run run : List.copyOf(runs)) {
      run.future.orTimeout(1, TimeUnit.MINUTES).exceptionally(t -> null).join();
    }
    pool.shutdownNow();
  }

  private final class Run {
    final Plan plan;
    final PlanJournal journal;
    final boolean keep;
    final CompletableFuture<Execution> future = new CompletableFuture<>();
    final Map<String, Step> byId;
    final Map<String, List<String>> dependents;
    final Map<String, Integer> waiting = new HashMap<>();
    final Map<String, Object> outputs = new ConcurrentHashMap<>();
    final List<String> completed = new ArrayList<>();
    final Set<String> started = new HashSet<>();
    int inFlight;
    boolean stopped;
    boolean interrupted;
    boolean ended;
    StepFailure failure;

    Run(Plan plan, PlanJournal journal, boolean keep) {
      this.plan = plan;
      this.journal = journal;
      this.keep = keep;
      this.byId = plan.byId();
      this.dependents = plan.dependents();
      plan.steps().forEach(s -> waiting.put(s.id(), s.dependsOn().size()));
    }

    void start() {
      boolean end;
      synchronized (this) {
        for (Step step : plan.steps()) {
          if (step.dependsOn().isEmpty()) {
            submit(step);
          }
        }
        end = readyToEnd();
      }
      if (end) {
        end();
      }
    }

    synchronized void interrupt() {
      interrupted = true;
      if (readyToEnd()) {
        pool.execute(this::end);
      }
    }

    /** Called with the lock held. */
    private void submit(Step step) {
      started.add(step.id());
      inFlight++;
      try {
        pool.execute(() -> runStep(step));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        inFlight--;
        started.remove(step.id());
        interrupted = true;
      }
    }

    private void runStep(Step step) {
      Object output = null;
      StepFailure failed = null;
      try {
        journal.started(step);
        if (step.action() instanceof Action.ConfigureVnf configure) {
          configurator.configure(plan, configure, outputs);
        }
        output = runner.run(step, outputs);
      } catch (VimException e) {
        failed =
            new StepFailure(step.id(), resourceOf(step), e.getMessage() + " [" + e.reason() + "]");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed = new StepFailure(step.id(), resourceOf(step), "interrupted");
      } catch (RuntimeException e) {
        failed = new StepFailure(step.id(), resourceOf(step), String.valueOf(e.getMessage()));
      }
      boolean end;
      synchronized (this) {
        inFlight--;
        if (failed == null) {
          if (output != null) {
            outputs.put(step.id(), output);
          }
          completed.add(step.id());
          safely(
              () ->
                  journal.done(
                      step, StepRunner.resourceId(outputs.get(step.id())), completed.size()));
          if (!stopped && !interrupted && !closing) {
            for (String next : dependents.get(step.id())) {
              if (waiting.merge(next, -1, Integer::sum) == 0) {
                submit(byId.get(next));
              }
            }
          }
        } else {
          StepFailure f = failed;
          safely(() -> journal.failed(step, f.reason()));
          if (failure == null) {
            failure = failed;
          }
          stopped = true;
        }
        end = readyToEnd();
      }
      if (end) {
        end();
      }
    }

    /** With the lock held: whether nothing runs and nothing more will start. */
    private boolean readyToEnd() {
      if (ended || inFlight > 0) {
        return false;
      }
      if (stopped || interrupted || closing || completed.size() == plan.steps().size()) {
        ended = true;
        return true;
      }
      return false;
    }

    private void end() {
      Execution.Outcome outcome;
      var problems = new ArrayList<String>();
      if (failure == null && completed.size() == plan.steps().size()) {
        outcome = Execution.Outcome.COMPLETED;
      } else if (failure == null || interrupted || closing) {
        outcome = Execution.Outcome.INTERRUPTED;
      } else {
        for (Step step : plan.steps()) {
          if (!started.contains(step.id())) {
            safely(() -> journal.skipped(step));
          }
        }
        if (keep) {
          outcome = Execution.Outcome.FAILED;
        } else {
          for (int i = completed.size() - 1; i >= 0; i--) {
            Step step = byId.get(completed.get(i));
            try {
              runner.undo(step, outputs.get(step.id()));
              outputs.remove(step.id());
              safely(() -> journal.undone(step));
            } catch (VimException | RuntimeException e) {
              problems.add("undo of step '" + step.id() + "' failed: " + e.getMessage());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              problems.add("undo of step '" + step.id() + "' interrupted");
            }
          }
          outcome = Execution.Outcome.ROLLED_BACK;
        }
      }
      future.complete(
          new Execution(plan, outcome, outputs, Optional.ofNullable(failure), problems));
    }
  }

  private static void safely(Runnable journalWrite) {
    try {
      journalWrite.run();
    } catch (RuntimeException e) {
      System.getLogger(PlanExecutor.class.getName())
          .log(System.Logger.Level.WARNING, "journal write failed: " + e.getMessage());
    }
  }

  /** What a step works on, for error messages. */
  static String resourceOf(Step step) {
    Action action = step.action();
    if (action instanceof Action.Delete delete) {
      return delete.kind().label() + " " + delete.resourceId();
    }
    if (action instanceof Action.Reserve reserve) {
      return "reservation in VIM account " + reserve.account();
    }
    if (action instanceof Action.Release release) {
      return "reservation in VIM account " + release.account();
    }
    if (action.resourceName() != null) {
      return action.resourceKind() + " " + action.resourceName();
    }
    return null;
  }
}
