package io.yamano.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A broker for state machine tests: answers each operation with the next scripted reply (or
 * failure, or a hang) and records what it was asked.
 */
final class ScriptedBroker implements VnfBroker {
  /** A scripted answer. */
  sealed interface Answer {}

  record Reply(String text) implements Answer {}

  record Fail(BrokerException.Reason reason, String detail, String vnfAnswer) implements Answer {}

  record Hang() implements Answer {}

  final List<Operation> performed = Collections.synchronizedList(new ArrayList<>());
  final List<VnfEndpoint> opened = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Answer> script = new ArrayDeque<>();
  private Answer otherwise = new Reply("<ok/>");

  ScriptedBroker then(Answer answer) {
    script.add(answer);
    return this;
  }

  ScriptedBroker otherwise(Answer answer) {
    otherwise = answer;
    return this;
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public VnfSession open(VnfEndpoint endpoint) {
    opened.add(endpoint);
    return new VnfSession() {
      @Override
      public String perform(Operation operation) throws BrokerException {
        performed.add(operation);
        Answer a;
        synchronized (script) {
          a = script.isEmpty() ? otherwise : script.poll();
        }
        if (a instanceof Reply r) {
          return r.text();
        }
        if (a instanceof Fail f) {
          throw new BrokerException(f.reason(), f.detail(), f.vnfAnswer());
        }
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new BrokerException(BrokerException.Reason.TIMEOUT, "hung");
      }

      @Override
      public void close() {}
    };
  }
}
