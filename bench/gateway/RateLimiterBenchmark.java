import dev.codeagent.gateway.ratelimit.FixedWindowRateLimiter;
import java.time.Duration;

/**
 * Cost of one rate-limit check when every delivery names a new author, as a sender rotating a payload field
 * would: the limiter's table is first filled past its cap with live windows, then each measured call brings
 * another new key. Runs on the gateway's compiled classes, single-threaded:
 *
 * <pre>
 *   ./mvnw -q -o -B -pl services/gateway -am compile
 *   java -cp services/gateway/target/classes bench/gateway/RateLimiterBenchmark.java [maxKeys] [calls]
 * </pre>
 *
 * Prints the fill time and the nanoseconds per call of the measured calls (best of five rounds).
 */
public class RateLimiterBenchmark {

    public static void main(String[] args) {
        int maxKeys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        long[] clock = {0};
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(20, Duration.ofMinutes(1), maxKeys,
                () -> clock[0]);
        long fillStart = System.nanoTime();
        int next = 0;
        for (; next < maxKeys + 1; next++) {
            clock[0]++;
            limiter.tryAcquire("azure-devops:org:author-" + next);
        }
        System.out.printf("maxKeys=%d fill_ms=%.1f%n", maxKeys, (System.nanoTime() - fillStart) / 1e6);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < calls; i++, next++) {
                clock[0]++;
                limiter.tryAcquire("azure-devops:org:author-" + next);
            }
            double perCall = (System.nanoTime() - started) / (double) calls;
            best = Math.min(best, perCall);
            System.out.printf("round=%d calls=%d ns_per_call=%.0f%n", round + 1, calls, perCall);
        }
        System.out.printf("best_ns_per_call=%.0f%n", best);
    }
}
