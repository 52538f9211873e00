package io.yamano.lcm.exec;

/**
 * A step as the journal recorded it.
 *
 * @param undo {@code delete}, {@code release} or {@code none}
 * @param resourceKind {@code compute}, {@code network}, {@code port}, {@code reservation} or {@code
 *     none}
 * @param status {@code pending}, {@code running}, {@code done}, {@code failed}, {@code skipped} or
 *     {@code undone}
 * @param sequence completion order (0 if it did not complete)
 */
public record JournaledStep(
    String id,
    String account,
    String resourceKind,
    String resourceName,
    String resourceId,
    String status,
    long sequence,
    String undo) {}
