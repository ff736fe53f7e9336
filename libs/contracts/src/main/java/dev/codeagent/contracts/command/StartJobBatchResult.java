package dev.codeagent.contracts.command;

/**
 * The answer to one batch item, with the status the single start API would have answered it with.
 *
 * @param status 202 for a new job, 200 when the command's key already had one, 400 for an invalid command, 503
 *               for a new command refused because the orchestrator is at capacity (send it again later)
 * @param job    the job (202 and 200), as the single start API returns it
 * @param title  short reason (400 and 503), as in a problem detail
 * @param detail what is wrong with the command or why it was refused (400 and 503)
 */
public record StartJobBatchResult(int status, StartJobResponse job, String title, String detail) {

    public static StartJobBatchResult started(StartJobResponse job) {
        return new StartJobBatchResult(job.created() ? 202 : 200, job, null, null);
    }

    public static StartJobBatchResult invalid(String title, String detail) {
        return new StartJobBatchResult(400, null, title, detail);
    }

    public static StartJobBatchResult unavailable(String title, String detail) {
        return new StartJobBatchResult(503, null, title, detail);
    }
}
