package io.yamano.lcm.model;

import java.util.Map;
import java.util.Objects;

/**
 * The desired state of one NS instance: the {@code ns-instance} entry of {@code yamano-ns}.
 *
 * @param flavour the NSD flavour, {@code null} when not configured
 * @param level the NS instantiation level, {@code null} for the flavour's default
 * @param vimAccount the VIM account of members not given their own, or {@code null}
 * @param memberVimAccounts member-vnf-index to VIM account
 * @param instantiated admin-state is {@code instantiated}
 * @param members member-vnf-index to the member's other choices (the {@code vnf} entries)
 */
public record NsInstanceConfig(
    String name,
    String nsdId,
    String flavour,
    String level,
    String vimAccount,
    Map<String, String> memberVimAccounts,
    boolean instantiated,
    Map<String, Member> members) {

  /**
   * The choices of one {@code vnf} entry beyond its VIM account.
   *
   * @param vnfdRef the VNFD replacing the one of the vnf-profile, or {@code null}
   * @param instantiated false when the member is removed from the NS
   * @param scaleLevels scaling aspect id to level
   */
  public record Member(String vnfdRef, boolean instantiated, Map<String, Integer> scaleLevels) {
    public static final Member DEFAULT = new Member(null, true, Map.of());

    public Member {
      scaleLevels = Ordered.copy(scaleLevels);
    }
  }

  public NsInstanceConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nsdId, "nsdId");
    memberVimAccounts = Map.copyOf(memberVimAccounts);
    members = Map.copyOf(members);
  }

  public NsInstanceConfig(
      String name,
      String nsdId,
      String flavour,
      String level,
      String vimAccount,
      Map<String, String> memberVimAccounts,
      boolean instantiated) {
    this(name, nsdId, flavour, level, vimAccount, memberVimAccounts, instantiated, Map.of());
  }

  /** The VIM account a member VNF goes to, or {@code null} if none is configured. */
  public String accountOf(String memberIndex) {
    return memberVimAccounts.getOrDefault(memberIndex, vimAccount);
  }

  /** The member's choices ({@link Member#DEFAULT} when it has no {@code vnf} entry). */
  public Member member(String memberIndex) {
    return members.getOrDefault(memberIndex, Member.DEFAULT);
  }
}
