/**
 * Execution: the {@link io.yamano.lcm.exec.PlanExecutor} runs a plan's independent steps in
 * parallel, bounded per VIM account, journals every step before and after it runs through a {@link
 * io.yamano.lcm.exec.PlanJournal}, and rolls completed steps back when one fails. {@link
 * io.yamano.lcm.exec.JournalRecovery} undoes, after a restart, what an interrupted plan left
 * behind.
 */
package io.yamano.lcm.exec;
