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
 */
public record NsInstanceConfig(
    String name,
    String nsdId,
    String flavour,
    String level,
    String vimAccount,
    Map<String, String> memberVimAccounts,
    boolean instantiated) {

  public NsInstanceConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nsdId, "nsdId");
    memberVimAccounts = Map.copyOf(memberVimAccounts);
  }

  /** The VIM account a member VNF goes to, or {@code null} if none is configured. */
  public String accountOf(String memberIndex) {
    return memberVimAccounts.getOrDefault(memberIndex, vimAccount);
  }
}
