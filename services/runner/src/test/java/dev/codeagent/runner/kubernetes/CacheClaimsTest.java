package dev.codeagent.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.runner.config.RunnerProperties.Kubernetes.Cache;
import dev.codeagent.runner.config.RunnerProperties.Kubernetes.CacheMode;
import dev.codeagent.runner.exec.Invocation;
import dev.codeagent.runner.exec.RunControl;
import dev.codeagent.runner.plan.CacheKind;
import dev.codeagent.runner.plan.CheckSpec;
import dev.codeagent.runner.report.CappedLog;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The lifecycle of kept caches against fabric8's mock API server (CRUD mode): a claim per repository and cache kind,
 * created once and reused, one check at a time on a ReadWriteOnce claim (the others run with an empty cache and say
 * so), shared use of ReadWriteMany claims and of the subPaths of one shared claim.
 */
@EnableKubernetesMockClient(crud = true)
class CacheClaimsTest {

    static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    static final Duration HOLD = Duration.ofMinutes(22);

    KubernetesMockServer server;
    KubernetesClient client;

    /** Its own per test: the mock server's state may outlive a test. */
    final String namespace = "checks-" + UUID.randomUUID().toString().substring(0, 8);
    final List<String> lines = new ArrayList<>();

    CacheClaims claims(Cache cache) {
        return new CacheClaims(client, namespace, cache, Map.of("app.kubernetes.io/instance", "prod"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Cache perRepository(String accessMode) {
        return new Cache(CacheMode.CLAIM_PER_REPOSITORY, "", "", DataSize.ofGigabytes(10), accessMode);
    }

    static Invocation check(String repositoryKey, CacheKind kind) {
        return new Invocation("attempt", 1, new CheckSpec("build", "./mvnw -B package", List.of()), Path.of("/tmp"),
                "eclipse-temurin:17-jdk", Duration.ofMinutes(15), kind, repositoryKey, false,
                new CappedLog(1024), new RunControl());
    }

    CacheClaims.CacheMount acquire(CacheClaims claims, Invocation invocation, String holder) {
        return claims.acquire(invocation, holder, HOLD, lines::add);
    }

    List<PersistentVolumeClaim> allClaims() {
        return client.persistentVolumeClaims().inNamespace(namespace).list().getItems();
    }

    @Test
    void aRepositorysClaimIsCreatedOnceReusedByItsNextCheckAndNeverSharedWithAnotherRepository() {
        CacheClaims claims = claims(perRepository("ReadWriteOnce"));

        CacheClaims.CacheMount first = acquire(claims, check("a1b2c3d4e5f6", CacheKind.MAVEN), "check-1");
        assertThat(first.claim()).isEqualTo("codeagent-cache-a1b2c3d4e5f6-maven");
        assertThat(first.subPath()).isNull();
        String uid = client.persistentVolumeClaims().inNamespace(namespace).withName(first.claim()).get()
                .getMetadata().getUid();
        claims.release(first, "check-1");

        CacheClaims.CacheMount second = acquire(claims, check("a1b2c3d4e5f6", CacheKind.MAVEN), "check-2");
        assertThat(second.claim()).isEqualTo(first.claim());
        assertThat(allClaims()).singleElement().satisfies(claim -> {
            assertThat(claim.getMetadata().getUid()).as("the same claim, not a new one").isEqualTo(uid);
            assertThat(claim.getMetadata().getLabels()).containsEntry("codeagent.dev/cache", "maven")
                    .containsEntry("app.kubernetes.io/component", "cache")
                    .containsEntry("app.kubernetes.io/instance", "prod");
            assertThat(claim.getSpec().getStorageClassName()).as("the cluster's default class").isNull();
        });
        claims.release(second, "check-2");

        CacheClaims.CacheMount other = acquire(claims, check("0f0f0f0f0f0f", CacheKind.MAVEN), "check-3");
        CacheClaims.CacheMount npm = acquire(claims, check("a1b2c3d4e5f6", CacheKind.NPM), "check-4");
        assertThat(other.claim()).isEqualTo("codeagent-cache-0f0f0f0f0f0f-maven");
        assertThat(npm.claim()).isEqualTo("codeagent-cache-a1b2c3d4e5f6-npm");
        assertThat(allClaims()).extracting(claim -> claim.getMetadata().getName()).containsExactlyInAnyOrder(
                "codeagent-cache-a1b2c3d4e5f6-maven", "codeagent-cache-0f0f0f0f0f0f-maven",
                "codeagent-cache-a1b2c3d4e5f6-npm");
        assertThat(lines).isEmpty();
    }

    @Test
    void aReadWriteOnceClaimServesOneCheckAtATimeTheOthersRunWithAnEmptyCacheAndSaySo() {
        CacheClaims claims = claims(perRepository("ReadWriteOnce"));
        Invocation invocation = check("a1b2c3d4e5f6", CacheKind.GRADLE);

        CacheClaims.CacheMount holding = acquire(claims, invocation, "variant-1");
        assertThat(holding.exclusive()).isTrue();
        assertThat(acquire(claims, invocation, "variant-2")).isNull();
        assertThat(lines).singleElement().asString().contains("gradle cache of this repository")
                .contains("codeagent-cache-a1b2c3d4e5f6-gradle").contains("in use by another check")
                .contains("empty cache");

        claims.release(null, "variant-2");
        claims.release(holding, "variant-2");
        assertThat(acquire(claims, invocation, "variant-3")).as("only its holder frees a claim").isNull();

        claims.release(holding, "variant-1");
        assertThat(acquire(claims, invocation, "variant-3")).isNotNull();
        assertThat(allClaims()).hasSize(1);
    }

    @Test
    void aLeaseLeftByARunnerThatDiedIsTakenOverOnceItExpired() {
        CacheClaims claims = claims(perRepository("ReadWriteOncePod"));
        Invocation invocation = check("a1b2c3d4e5f6", CacheKind.MAVEN);
        String name = "codeagent-cache-a1b2c3d4e5f6-maven";
        ZonedDateTime renewed = ZonedDateTime.ofInstant(NOW, ZoneOffset.UTC).minus(HOLD).minusSeconds(1);
        client.leases().inNamespace(namespace).resource(new LeaseBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().withHolderIdentity("crashed").withLeaseDurationSeconds((int) HOLD
                        .toSeconds()).withRenewTime(renewed).endSpec().build()).create();

        assertThat(acquire(claims, invocation, "variant-1")).isNotNull();
        assertThat(client.leases().inNamespace(namespace).withName(name).get().getSpec().getHolderIdentity())
                .isEqualTo("variant-1");
        assertThat(acquire(claims, invocation, "variant-2")).as("the fresh lease holds").isNull();
    }

    @Test
    void readWriteManyClaimsAreSharedWithoutALease() {
        CacheClaims claims = claims(perRepository("ReadWriteMany"));
        Invocation invocation = check("a1b2c3d4e5f6", CacheKind.NPM);

        CacheClaims.CacheMount one = acquire(claims, invocation, "variant-1");
        CacheClaims.CacheMount two = acquire(claims, invocation, "variant-2");
        assertThat(one).isEqualTo(two);
        assertThat(one.exclusive()).isFalse();
        assertThat(client.leases().inNamespace(namespace).list().getItems()).isEmpty();
        assertThat(allClaims()).singleElement()
                .satisfies(claim -> assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany"));
    }

    @Test
    void aSharedClaimGivesEachRepositoryCacheItsOwnSubPathAndCreatesNothing() {
        CacheClaims claims = claims(new Cache(CacheMode.SHARED_CLAIM, "build-caches", "", DataSize.ofGigabytes(10),
                "ReadWriteOnce"));

        CacheClaims.CacheMount a = acquire(claims, check("a1b2c3d4e5f6", CacheKind.GO), "variant-1");
        CacheClaims.CacheMount b = acquire(claims, check("0f0f0f0f0f0f", CacheKind.GO), "variant-2");
        assertThat(a.claim()).isEqualTo("build-caches");
        assertThat(a.subPath()).isEqualTo("codeagent-cache-a1b2c3d4e5f6-go");
        assertThat(b.subPath()).isEqualTo("codeagent-cache-0f0f0f0f0f0f-go");
        assertThat(allClaims()).isEmpty();
        assertThat(client.leases().inNamespace(namespace).list().getItems()).isEmpty();
    }

    @Test
    void noCacheKindOrNoKeptCacheMeansAnEmptyDir() {
        assertThat(acquire(claims(perRepository("ReadWriteOnce")), check("a1b2c3d4e5f6", null), "v")).isNull();
        assertThat(acquire(claims(Cache.NONE), check("a1b2c3d4e5f6", CacheKind.MAVEN), "v")).isNull();
        assertThat(allClaims()).isEmpty();
    }

    @Test
    void aClaimTheApiRefusesLeavesTheCheckWithAnEmptyCacheAndALineSayingWhy() {
        server.expect().post().withPath("/api/v1/namespaces/" + namespace + "/persistentvolumeclaims")
                .andReturn(403, Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure", "reason",
                        "Forbidden", "code", 403, "message", "persistentvolumeclaims is forbidden"))
                .always();

        assertThat(acquire(claims(perRepository("ReadWriteOnce")), check("a1b2c3d4e5f6", CacheKind.MAVEN), "v"))
                .isNull();
        assertThat(lines).singleElement().asString().contains("could not be created").contains("forbidden");
    }

    @Test
    void settingsThatCouldOnlyFailLaterAreRefusedAtStartWithTheVariablesName() {
        assertThatThrownBy(() -> claims(new Cache(CacheMode.SHARED_CLAIM, "", "", DataSize.ofGigabytes(1),
                "ReadWriteOnce"))).hasMessageContaining("CODEAGENT_RUNNER_K8S_CACHE_CLAIM");
        assertThatThrownBy(() -> claims(new Cache(CacheMode.SHARED_CLAIM, "Build_Caches", "", DataSize.ofGigabytes(1),
                "ReadWriteOnce"))).hasMessageContaining("CODEAGENT_RUNNER_K8S_CACHE_CLAIM: \"Build_Caches\"");
        assertThatThrownBy(() -> claims(new Cache(CacheMode.CLAIM_PER_REPOSITORY, "build-caches", "",
                DataSize.ofGigabytes(1), "ReadWriteOnce"))).hasMessageContaining("shared-claim");
        assertThatThrownBy(() -> claims(new Cache(CacheMode.CLAIM_PER_REPOSITORY, "", "fast ssd",
                DataSize.ofGigabytes(1), "ReadWriteOnce")))
                .hasMessageContaining("CODEAGENT_RUNNER_K8S_CACHE_STORAGE_CLASS");
        assertThatThrownBy(() -> claims(new Cache(CacheMode.CLAIM_PER_REPOSITORY, "", "", DataSize.ofBytes(0),
                "ReadWriteOnce"))).hasMessageContaining("CODEAGENT_RUNNER_K8S_CACHE_SIZE");
    }
}
