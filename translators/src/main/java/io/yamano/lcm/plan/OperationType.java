package io.yamano.lcm.plan;

import java.util.Locale;

/** The LCM operations, as the {@code lcm-operation-type} of {@code yamano-ns} names them. */
public enum OperationType {
  INSTANTIATE,
  SCALE,
  HEAL,
  TERMINATE,
  UPDATE,
  /** A VNF's day-2 primitive (yamano-vnf-lifecycle execute-primitive); it has no plan. */
  EXECUTE_PRIMITIVE;

  /** The YANG enumeration value. */
  public String yangName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The {@code state/status} an NS shows while this operation runs. */
  public String runningStatus() {
    return switch (this) {
      case INSTANTIATE -> "instantiating";
      case SCALE -> "scaling";
      case HEAL -> "healing";
      case TERMINATE -> "terminating";
      case UPDATE -> "updating";
      case EXECUTE_PRIMITIVE -> "instantiated";
    };
  }

  public static OperationType ofYang(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
