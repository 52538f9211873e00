package io.yamano.vim;

import java.util.Collection;
import java.util.List;

/**
 * One VIM account, opened by a {@link VimDriver}.
 *
 * <p>Contracts common to every operation:
 *
 * <ul>
 *   <li>Thread-safe: calls may come from many threads at once; capacity is never over-committed.
 *   <li>A call that throws changed nothing in the VIM, so a caller can retry or roll back knowing
 *       only what it has been told succeeded.
 *   <li>Resource ids are chosen by the VIM and never reused within one account.
 *   <li>Every created resource carries the request's {@link OwnerTag}, so that {@link #listOwned()}
 *       can be compared with Yamano's operational state to find drift and orphans.
 * </ul>
 */
public interface VimConnection extends AutoCloseable {

  /** The account this connection serves. */
  VimAccount account();

  /** What this VIM supports; constant for the life of the connection. */
  VimCapabilities capabilities();

  /**
   * Holds capacity for a batch of compute resources, all or nothing, so that a plan can make sure
   * it fits before it creates anything. Placement (zone, host, affinity) is decided now and kept by
   * {@link #createCompute(ComputeRequest)} when the request names this reservation.
   *
   * @throws VimException {@code NO_CAPACITY} if any request does not fit (nothing is held), {@code
   *     INVALID_REQUEST} for an unknown zone, host or duplicate name in the batch
   */
  Reservation reserve(List<ComputeRequest> requests) throws VimException;

  /**
   * Gives back what a reservation still holds (slots not yet turned into compute resources).
   *
   * @throws VimException {@code NOT_FOUND} if the reservation is unknown or fully used
   */
  void release(String reservationId) throws VimException;

  /**
   * Creates a compute resource (VM or pod). With {@link ComputeRequest#reservationId()} set, the
   * reserved slot of the same name is used and no new capacity is taken.
   *
   * @throws VimException {@code NO_CAPACITY} with the account, zone or host that is full and by
   *     which figure; {@code INVALID_REQUEST} for an unknown zone or host
   */
  Compute createCompute(ComputeRequest request) throws VimException;

  /** Creates a network whose ports get addresses from the request's pools. */
  Network createNetwork(NetworkRequest request) throws VimException;

  /**
   * Creates a port on a network, optionally bound to a compute resource.
   *
   * @throws VimException {@code CONFLICT} if a requested static address is taken, {@code
   *     INVALID_REQUEST} if it is outside the network's pools, {@code NO_CAPACITY} if the pools are
   *     exhausted, {@code NOT_FOUND} if the network or compute resource is unknown
   */
  Port createPort(PortRequest request) throws VimException;

  /** Creates a block volume, optionally attached to a compute resource. */
  Volume createVolume(VolumeRequest request) throws VimException;

  /**
   * Deletes one resource and frees what it used. Deleting a compute resource detaches its ports and
   * volumes; deleting a network that still has ports is a {@code CONFLICT}.
   *
   * @throws VimException {@code NOT_FOUND} if no such resource exists (callers that roll back may
   *     treat this as done)
   */
  void delete(ResourceKind kind, String id) throws VimException;

  /**
   * Current status of one resource.
   *
   * @throws VimException {@code NOT_FOUND} if the id was never issued by this VIM
   */
  ResourceStatus status(ResourceKind kind, String id) throws VimException;

  /** Used and reserved capacity, for the account, each zone and each host. */
  Usage usage() throws VimException;

  /** Every resource this account holds that carries an owner tag, in id order. */
  List<OwnedResource> listOwned() throws VimException;

  /**
   * Rebuilds the VIM's picture from what Yamano persisted, after a restart. Only meaningful when
   * {@link VimCapabilities#infrastructureBacked()} is false (the VIM has nothing to ask); other
   * drivers ignore it. Reservations are not restored: a resumed plan reserves again.
   *
   * @throws VimException {@code CONFLICT} if the VIM already holds resources, {@code
   *     INVALID_REQUEST} if the resources are inconsistent (for example a port on a missing
   *     network)
   */
  default void restore(Collection<? extends OwnedResource> resources) throws VimException {}

  /** Releases client-side resources; the VIM's resources stay. Idempotent. */
  @Override
  void close();
}
