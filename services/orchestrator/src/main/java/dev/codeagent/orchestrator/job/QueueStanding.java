package dev.codeagent.orchestrator.job;

/**
 * Where a queued job stands, as its progress reply shows it.
 *
 * @param position            1 for the next job to be admitted (first in, first out)
 * @param queued              jobs in the queue, this one included
 * @param running             jobs running across all replicas
 * @param runningInRepository of those, the ones on this job's repository
 */
public record QueueStanding(int position, int queued, int running, int runningInRepository) {
}
