package dev.codeagent.runner.exec;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.codeagent.runner.config.Isolation;
import dev.codeagent.runner.config.RunnerProperties;
import dev.codeagent.runner.plan.CacheKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each check in a fresh container through the Docker Engine API (Docker, or Podman's compatible socket): the
 * tree bind-mounted at {@code /workspace}, no network unless the configuration opts in, a non-root user, a read-only
 * root filesystem with a tmpfs {@code /tmp} (also {@code HOME}), all capabilities dropped, no privilege escalation,
 * CPU, memory and process limits, killed at the timeout and removed afterwards.
 */
public class ContainerExecutor implements CheckExecutor, AutoCloseable {

    static final String WORKSPACE = "/workspace";
    private static final Logger log = LoggerFactory.getLogger(ContainerExecutor.class);
    private static final String NOBODY = "65534:65534";
    private static final long PULL_MINUTES = 10;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final RunnerProperties properties;

    public ContainerExecutor(DockerClient docker, RunnerProperties properties) {
        this.docker = docker;
        this.properties = properties;
    }

    @Override
    public Isolation isolation() {
        return Isolation.CONTAINER;
    }

    @Override
    public Readiness readiness() {
        try {
            docker.pingCmd().exec();
            return new Readiness(true, "container engine at " + properties.dockerHost() + " answers");
        } catch (RuntimeException e) {
            return new Readiness(false, "container engine at " + properties.dockerHost() + " does not answer: "
                    + e.getMessage());
        }
    }

    /** Closes the engine connections; Spring calls it when the context stops. */
    @Override
    public void close() throws IOException {
        docker.close();
    }

    @Override
    public Execution run(Invocation invocation) {
        String user = user(invocation.sandbox());
        String cacheVolume = invocation.cache() == null ? null : cacheVolume(invocation, user);
        String id = create(invocation, user, cacheVolume);
        try {
            invocation.control().onCancel(() -> kill(id));
            docker.startContainerCmd(id).exec();
            boolean exited = awaitExit(id, invocation.timeout());
            if (!exited) {
                kill(id);
                awaitExit(id, STOP_GRACE);
            }
            collectLog(id, invocation);
            if (invocation.control().cancelled()) {
                return Execution.cancelled();
            }
            return exited ? Execution.exited(exitCode(id)) : Execution.timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(id);
            return Execution.cancelled();
        } catch (RuntimeException e) {
            throw new CheckStartFailure("The container engine failed while running the check: " + e.getMessage(), e);
        } finally {
            invocation.control().clear();
            remove(id);
        }
    }

    /**
     * Whether the container stopped within {@code timeout}. The engine's wait call is repeated until then: Podman
     * ends it with an error rather than a status when the container is killed, so the container's state decides.
     */
    private boolean awaitExit(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(id)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try (WaitContainerResultCallback wait = docker.waitContainerCmd(id)
                    .exec(new WaitContainerResultCallback())) {
                wait.awaitCompletion(left, TimeUnit.NANOSECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }

    private boolean running(String id) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning());
    }

    private int exitCode(String id) {
        Long code = docker.inspectContainerCmd(id).exec().getState().getExitCodeLong();
        return code == null ? -1 : code.intValue();
    }

    private String create(Invocation invocation, String user, String cacheVolume) {
        List<Bind> binds = new ArrayList<>();
        binds.add(new Bind(invocation.sandbox().toString(), new Volume(WORKSPACE)));
        List<String> env = new ArrayList<>(List.of("HOME=/tmp", "CI=true"));
        if (cacheVolume != null) {
            binds.add(new Bind(cacheVolume, new Volume(CacheKind.MOUNT)));
            invocation.cache().environment().forEach((name, value) -> env.add(name + "=" + value));
        }
        HostConfig host = limits(HostConfig.newHostConfig())
                .withBinds(binds)
                .withNetworkMode(invocation.network() ? "bridge" : "none")
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=1g,mode=1777"));
        String name = "codeagent-check-" + invocation.attempt() + "-" + invocation.index();
        CreateContainerCmd create = docker.createContainerCmd(invocation.image())
                .withName(name)
                .withCmd("sh", "-c", invocation.check().run())
                .withWorkingDir(WORKSPACE)
                .withUser(user)
                .withEnv(env)
                .withLabels(Map.of("dev.codeagent.run", invocation.attempt()))
                .withNetworkDisabled(!invocation.network())
                .withHostConfig(host);
        try {
            return create.exec().getId();
        } catch (NotFoundException e) {
            pull(invocation.image());
            return create.exec().getId();
        } catch (RuntimeException e) {
            throw new CheckStartFailure("The container engine refused the check's container: " + e.getMessage(), e);
        }
    }

    private HostConfig limits(HostConfig host) {
        return host.withNanoCPUs((long) (properties.cpus() * 1_000_000_000L))
                .withMemory(properties.memory().toBytes())
                .withMemorySwap(properties.memory().toBytes())
                .withPidsLimit((long) properties.pids())
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"));
    }

    private void pull(String image) {
        log.info("Image {} is not present; pulling it", image);
        try {
            if (!docker.pullImageCmd(image).exec(new PullImageResultCallback())
                    .awaitCompletion(PULL_MINUTES, TimeUnit.MINUTES)) {
                throw new CheckStartFailure("Pulling image " + image + " took longer than " + PULL_MINUTES
                        + " minutes", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckStartFailure("Interrupted while pulling image " + image, e);
        } catch (RuntimeException e) {
            throw new CheckStartFailure("Image " + image + " is not present and could not be pulled: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The repository's cache volume, created on first use and handed to the check's user by a short root container
     * that only changes the owner (a new volume belongs to root, and the check must not).
     */
    private String cacheVolume(Invocation invocation, String user) {
        String name = "codeagent-cache-" + invocation.cacheKey() + "-" + invocation.cache().label();
        try {
            docker.inspectVolumeCmd(name).exec();
            return name;
        } catch (NotFoundException e) {
            docker.createVolumeCmd().withName(name).withLabels(Map.of("dev.codeagent.cache",
                    invocation.cache().label())).exec();
        }
        String id = docker.createContainerCmd(invocation.image())
                .withName("codeagent-cache-init-" + invocation.attempt())
                .withCmd("chown", user, CacheKind.MOUNT)
                .withUser("0:0")
                .withNetworkDisabled(true)
                .withHostConfig(limits(HostConfig.newHostConfig()).withCapAdd(Capability.CHOWN)
                        .withNetworkMode("none").withBinds(new Bind(name, new Volume(CacheKind.MOUNT))))
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            awaitExit(id, Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckStartFailure("Interrupted while preparing the cache volume " + name, e);
        } finally {
            remove(id);
        }
        return name;
    }

    /**
     * The configured user, else the sandbox's owner; the owner root is replaced by nobody, who then needs the tree
     * writable (the sandbox is this run's own copy, so that exposes nothing else).
     */
    private String user(Path sandbox) {
        if (properties.containerUser() != null) {
            return properties.containerUser();
        }
        try {
            int uid = (Integer) Files.getAttribute(sandbox, "unix:uid");
            int gid = (Integer) Files.getAttribute(sandbox, "unix:gid");
            if (uid != 0) {
                return uid + ":" + gid;
            }
            openToAll(sandbox);
            return NOBODY;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void openToAll(Path sandbox) throws IOException {
        try (Stream<Path> paths = Files.walk(sandbox)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                permissions.addAll(Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE));
                if (Files.isDirectory(path) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
                    permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                }
                Files.setPosixFilePermissions(path, permissions);
            }
        }
    }

    private void collectLog(String id, Invocation invocation) throws InterruptedException {
        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        try {
                            invocation.output().write(frame.getPayload());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }).awaitCompletion(60, TimeUnit.SECONDS);
    }

    private void kill(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (RuntimeException e) {
            // Already stopped: nothing left to kill.
            log.debug("Kill of container {} not needed: {}", id, e.getMessage());
        }
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException e) {
            log.warn("Could not remove container {}: {}", id, e.getMessage());
        }
    }
}
