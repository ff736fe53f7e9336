{{/*
Helpers shared by every template. Components are addressed by their name (gateway, llm-patch, ...);
their values live under the camelCase key returned by codeagent.valuesKey.
*/}}

{{/* Chart name, used as app.kubernetes.io/name and app.kubernetes.io/part-of. */}}
{{- define "codeagent.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* name-version, the value of helm.sh/chart. */}}
{{- define "codeagent.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The six application components, in start order. */}}
{{- define "codeagent.components" -}}
gateway orchestrator adapter llm-patch runner health-monitor
{{- end -}}

{{/* Values key of a component: llm-patch -> llmPatch, health-monitor -> healthMonitor. */}}
{{- define "codeagent.valuesKey" -}}
{{- . | replace "-" "_" | camelcase | untitle -}}
{{- end -}}

{{/* Resource name of a component: agent-<component>. Fixed so `kubectl scale deployment agent-gateway` works. */}}
{{- define "codeagent.fullname" -}}
{{- printf "agent-%s" . -}}
{{- end -}}

{{/* Labels on every resource of a component. Context: dict root component */}}
{{- define "codeagent.labels" -}}
helm.sh/chart: {{ include "codeagent.chart" .root }}
{{ include "codeagent.selectorLabels" . }}
app.kubernetes.io/version: {{ include "codeagent.imageTag" .root | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/part-of: {{ include "codeagent.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Immutable selector labels of a component. Context: dict root component */}}
{{- define "codeagent.selectorLabels" -}}
app.kubernetes.io/name: {{ include "codeagent.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Labels that select every pod of the release (NetworkPolicy default deny). */}}
{{- define "codeagent.releaseSelectorLabels" -}}
app.kubernetes.io/name: {{ include "codeagent.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Common annotations block (may be empty). */}}
{{- define "codeagent.annotations" -}}
{{- with .Values.commonAnnotations }}
{{- toYaml . }}
{{- end }}
{{- end -}}

{{/* Image tag of the Code Agent services: image.tag or the chart's appVersion. */}}
{{- define "codeagent.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag -}}
{{- end -}}

{{/* Image of a component: <registry>/<prefix>/<component>:<tag> (or @digest). Context: dict root component */}}
{{- define "codeagent.image" -}}
{{- $registry := coalesce .root.Values.global.imageRegistry .root.Values.image.registry -}}
{{- $repository := printf "%s/%s" .root.Values.image.repositoryPrefix .component -}}
{{- if $registry }}{{ $repository = printf "%s/%s" $registry $repository }}{{ end -}}
{{- if .root.Values.image.digest -}}
{{- printf "%s@%s" $repository .root.Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (include "codeagent.imageTag" .root) -}}
{{- end -}}
{{- end -}}

{{/* Image of a third-party component (ollama, postgresql). Context: the component's image values + root */}}
{{- define "codeagent.thirdPartyImage" -}}
{{- $registry := coalesce .root.Values.global.imageRegistry .image.registry -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .image.repository .image.tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository .image.tag -}}
{{- end -}}
{{- end -}}

{{/* ServiceAccount name of a component. Context: dict root component */}}
{{- define "codeagent.serviceAccountName" -}}
{{- $values := index .root.Values (include "codeagent.valuesKey" .component) -}}
{{- if $values.serviceAccount.create -}}
{{- default (include "codeagent.fullname" .component) $values.serviceAccount.name -}}
{{- else -}}
{{- default "default" $values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Name of the Secret holding CODEAGENT_* secrets. */}}
{{- define "codeagent.secretName" -}}
{{- default "agent-secrets" .Values.secrets.existingSecret -}}
{{- end -}}

{{/* Secret variable names; none of them may ever appear in a ConfigMap. */}}
{{- define "codeagent.secretKeys" -}}
CODEAGENT_INTERNAL_TOKEN CODEAGENT_WEBHOOK_SECRET CODEAGENT_WEBHOOK_PASSWORD CODEAGENT_ADO_PAT CODEAGENT_ANTHROPIC_API_KEY CODEAGENT_OPENAI_API_KEY CODEAGENT_AZURE_OPENAI_API_KEY CODEAGENT_DB_PASSWORD CODEAGENT_BLOB_CONNECTION_STRING CODEAGENT_DASHBOARD_USERS CODEAGENT_DASHBOARD_OIDC_CLIENT_SECRET CODEAGENT_METRICS_TOKEN
{{- end -}}

{{/* Port of a component's Service. */}}
{{- define "codeagent.servicePort" -}}
{{- $values := index .root.Values (include "codeagent.valuesKey" .component) -}}
{{- $values.service.port -}}
{{- end -}}

{{/* In-cluster base URL of a component, e.g. http://agent-orchestrator:7071. Context: dict root component */}}
{{- define "codeagent.url" -}}
{{- printf "http://%s:%v" (include "codeagent.fullname" .component) (include "codeagent.servicePort" .) -}}
{{- end -}}

{{/* Dashboard URL people follow from pull request comments: the public one when the Ingress has a host. */}}
{{- define "codeagent.dashboardUrl" -}}
{{- $ingress := .Values.ingress -}}
{{- $host := default $ingress.host $ingress.dashboard.host -}}
{{- if and $ingress.enabled $ingress.dashboard.enabled $host -}}
{{- printf "%s://%s%s" (ternary "https" "http" $ingress.tls.enabled) $host (trimSuffix "/" $ingress.dashboard.path) -}}
{{- else -}}
{{- include "codeagent.url" (dict "root" . "component" "health-monitor") -}}
{{- end -}}
{{- end -}}

{{/* "true" when the orchestrator runs on PostgreSQL (external or in-cluster), "" for embedded H2. */}}
{{- define "codeagent.usesPostgres" -}}
{{- if or .Values.database.url .Values.postgresql.enabled }}true{{ end -}}
{{- end -}}

{{/* JDBC URL of the orchestrator's PostgreSQL. */}}
{{- define "codeagent.databaseUrl" -}}
{{- if .Values.database.url -}}
{{- .Values.database.url -}}
{{- else -}}
{{- printf "jdbc:postgresql://agent-postgresql:%v/%s" .Values.postgresql.port .Values.postgresql.database -}}
{{- end -}}
{{- end -}}

{{/* Ollama base URL llm-patch uses: explicit, else the in-cluster component, else empty. */}}
{{- define "codeagent.ollamaUrl" -}}
{{- if .Values.models.ollama.baseUrl -}}
{{- .Values.models.ollama.baseUrl -}}
{{- else if .Values.ollama.enabled -}}
{{- printf "http://agent-ollama:%v" .Values.ollama.port -}}
{{- end -}}
{{- end -}}

{{/*
Rendering guards: configurations that would start but lose data or split state fail here, with the fix.
*/}}
{{- define "codeagent.validate" -}}
{{- $orchestrator := .Values.orchestrator -}}
{{- if not (include "codeagent.usesPostgres" .) -}}
{{- if gt (int $orchestrator.replicaCount) 1 -}}
{{- fail (printf "orchestrator.replicaCount=%v needs PostgreSQL: the embedded H2 database belongs to a single replica. Set database.url (external PostgreSQL, recommended) or postgresql.enabled=true, or keep orchestrator.replicaCount=1." $orchestrator.replicaCount) -}}
{{- end -}}
{{- if $orchestrator.autoscaling.enabled -}}
{{- fail "orchestrator.autoscaling.enabled needs PostgreSQL: the embedded H2 database belongs to a single replica. Set database.url or postgresql.enabled=true." -}}
{{- end -}}
{{- end -}}
{{- if and .Values.database.url .Values.postgresql.enabled -}}
{{- fail "database.url and postgresql.enabled are exclusive: choose the external database or the in-cluster one." -}}
{{- end -}}
{{- $auth := .Values.healthMonitor.auth -}}
{{- if eq $auth.mode "oidc" -}}
{{- if not (and $auth.oidc.issuer $auth.oidc.clientId $auth.oidc.allowedGroup) -}}
{{- fail "healthMonitor.auth.mode=oidc needs healthMonitor.auth.oidc.issuer, clientId and allowedGroup, and the client secret in secrets.dashboardOidcClientSecret (or secrets.existingSecret)." -}}
{{- end -}}
{{- if and (not .Values.secrets.existingSecret) (not .Values.secrets.dashboardOidcClientSecret) -}}
{{- fail "healthMonitor.auth.mode=oidc needs secrets.dashboardOidcClientSecret (or CODEAGENT_DASHBOARD_OIDC_CLIENT_SECRET in secrets.existingSecret)." -}}
{{- end -}}
{{- end -}}
{{- if and .Values.networkPolicy.enabled (eq .Values.runner.isolation "kubernetes") (not .Values.networkPolicy.kubernetesApi.cidr) -}}
{{- fail "networkPolicy.enabled with runner.isolation=kubernetes needs networkPolicy.kubernetesApi.cidr: the address of the Kubernetes API server the runner creates check Jobs through (kubectl get endpoints kubernetes -n default), e.g. 10.0.0.1/32." -}}
{{- end -}}
{{- if and .Values.ingress.tls.enabled (not .Values.ingress.tls.secretName) -}}
{{- fail "ingress.tls.enabled needs ingress.tls.secretName (an existing TLS Secret or the one cert-manager should create)." -}}
{{- end -}}
{{- $secretKeys := splitList " " (include "codeagent.secretKeys" .) -}}
{{- range $key, $_ := .Values.config.extraEnv -}}
{{- if has $key $secretKeys -}}
{{- fail (printf "config.extraEnv.%s is a secret: set it under secrets (or in secrets.existingSecret), never in a ConfigMap." $key) -}}
{{- end -}}
{{- end -}}
{{- $root := . -}}
{{- range $component := splitList " " (include "codeagent.components" .) -}}
{{- $values := index $root.Values (include "codeagent.valuesKey" $component) -}}
{{- range $key, $_ := $values.config -}}
{{- if has $key $secretKeys -}}
{{- fail (printf "%s.config.%s is a secret: set it under secrets (or in secrets.existingSecret), never in a ConfigMap." (include "codeagent.valuesKey" $component) $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
ConfigMap data every service shares: logging, shutdown, timeouts, data directory and the in-cluster URLs of
the other services.
*/}}
{{- define "codeagent.commonConfig" -}}
{{- $root := . -}}
CODEAGENT_LOG_FORMAT: {{ .Values.config.logFormat | quote }}
CODEAGENT_INTERNAL_AUTH: {{ .Values.config.internalAuth | quote }}
CODEAGENT_ENV: {{ .Values.config.environment | quote }}
CODEAGENT_SHUTDOWN_TIMEOUT: {{ .Values.config.shutdownTimeout | quote }}
CODEAGENT_HTTP_CONNECT_TIMEOUT: {{ .Values.config.httpConnectTimeout | quote }}
CODEAGENT_HTTP_READ_TIMEOUT: {{ .Values.config.httpReadTimeout | quote }}
CODEAGENT_DATA_DIR: {{ .Values.config.dataDir | quote }}
CODEAGENT_GATEWAY_URL: {{ include "codeagent.url" (dict "root" $root "component" "gateway") | quote }}
CODEAGENT_ORCHESTRATOR_URL: {{ include "codeagent.url" (dict "root" $root "component" "orchestrator") | quote }}
CODEAGENT_ADAPTER_URL: {{ include "codeagent.url" (dict "root" $root "component" "adapter") | quote }}
CODEAGENT_LLM_PATCH_URL: {{ include "codeagent.url" (dict "root" $root "component" "llm-patch") | quote }}
CODEAGENT_RUNNER_URL: {{ include "codeagent.url" (dict "root" $root "component" "runner") | quote }}
CODEAGENT_DASHBOARD_URL: {{ include "codeagent.dashboardUrl" . | quote }}
{{- range $key, $value := .Values.config.extraEnv }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/*
ConfigMap of a component. Context: dict root component data (data = component-specific YAML map as a string).
*/}}
{{- define "codeagent.configmap" -}}
{{- $values := index .root.Values (include "codeagent.valuesKey" .component) -}}
{{- $port := printf "CODEAGENT_%s_PORT" (.component | upper | replace "-" "_") -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "codeagent.fullname" .component }}
  namespace: {{ .root.Release.Namespace | quote }}
  labels:
    {{- include "codeagent.labels" . | nindent 4 }}
  {{- with .root.Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
data:
  {{- include "codeagent.commonConfig" .root | nindent 2 }}
  {{ $port }}: {{ $values.containerPort | toString | quote }}
  {{- with .data }}
  {{- . | nindent 2 }}
  {{- end }}
  {{- range $key, $value := $values.config }}
  {{ $key }}: {{ $value | toString | quote }}
  {{- end }}
{{- end -}}

{{/* Secret keys a component reads besides the internal token. */}}
{{- define "codeagent.componentSecretKeys" -}}
{{- if eq . "gateway" -}}
CODEAGENT_WEBHOOK_SECRET CODEAGENT_WEBHOOK_PASSWORD
{{- else if eq . "orchestrator" -}}
CODEAGENT_DB_PASSWORD CODEAGENT_BLOB_CONNECTION_STRING
{{- else if eq . "adapter" -}}
CODEAGENT_ADO_PAT
{{- else if eq . "llm-patch" -}}
CODEAGENT_ANTHROPIC_API_KEY CODEAGENT_OPENAI_API_KEY CODEAGENT_AZURE_OPENAI_API_KEY CODEAGENT_BLOB_CONNECTION_STRING
{{- else if eq . "health-monitor" -}}
CODEAGENT_DASHBOARD_USERS CODEAGENT_DASHBOARD_OIDC_CLIENT_SECRET CODEAGENT_METRICS_TOKEN
{{- end -}}
{{- end -}}

{{/* A probe on the given path of the http port. Context: dict probe path */}}
{{- define "codeagent.httpProbe" -}}
httpGet:
  path: {{ .path }}
  port: http
initialDelaySeconds: {{ .probe.initialDelaySeconds }}
periodSeconds: {{ .probe.periodSeconds }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
failureThreshold: {{ .probe.failureThreshold }}
successThreshold: {{ .probe.successThreshold }}
{{- end -}}

{{/*
Deployment of a component. Context: dict root component, optionally extraEnv and extraPorts (YAML lists as
strings) the component's template adds to its container.
*/}}
{{- define "codeagent.deployment" -}}
{{- $root := .root -}}
{{- $component := .component -}}
{{- $values := index .root.Values (include "codeagent.valuesKey" .component) -}}
{{- $name := include "codeagent.fullname" $component -}}
{{- $embeddedH2 := and (eq $component "orchestrator") (not (include "codeagent.usesPostgres" $root)) -}}
{{- $persistent := and $embeddedH2 $values.persistence.enabled -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace | quote }}
  labels:
    {{- include "codeagent.labels" . | nindent 4 }}
  {{- with $root.Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- if not $values.autoscaling.enabled }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      {{- include "codeagent.selectorLabels" . | nindent 6 }}
  {{- if $embeddedH2 }}
  {{- /* The H2 file is locked by one JVM and its volume is ReadWriteOnce: never run two pods at once. */}}
  strategy:
    type: Recreate
  {{- else }}
  strategy:
    {{- toYaml $values.updateStrategy | nindent 4 }}
  {{- end }}
  template:
    metadata:
      labels:
        {{- include "codeagent.labels" . | nindent 8 }}
        {{- with $values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include (print $root.Template.BasePath "/" $component "/configmap.yaml") $root | sha256sum }}
        checksum/secret: {{ dict "secrets" $root.Values.secrets "existing" $root.Values.secrets.existingSecret | toJson | sha256sum }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /actuator/prometheus
        prometheus.io/port: {{ $values.containerPort | quote }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "codeagent.serviceAccountName" . }}
      automountServiceAccountToken: {{ $values.serviceAccount.automountServiceAccountToken }}
      {{- with $root.Values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      {{- with $values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        {{- mergeOverwrite (deepCopy $root.Values.podSecurityContext) $values.podSecurityContext | toYaml | nindent 8 }}
      terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
      enableServiceLinks: false
      containers:
        - name: {{ $component }}
          image: {{ include "codeagent.image" . }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $values.containerPort }}
              protocol: TCP
            {{- with .extraPorts }}
            {{- . | nindent 12 }}
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ $name }}
          env:
            - name: CODEAGENT_INTERNAL_TOKEN
              valueFrom:
                secretKeyRef:
                  name: {{ include "codeagent.secretName" $root }}
                  key: CODEAGENT_INTERNAL_TOKEN
            {{- range $key := splitList " " (include "codeagent.componentSecretKeys" $component) }}
            {{- if $key }}
            - name: {{ $key }}
              valueFrom:
                secretKeyRef:
                  name: {{ include "codeagent.secretName" $root }}
                  key: {{ $key }}
                  optional: true
            {{- end }}
            {{- end }}
            {{- with .extraEnv }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- with $values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- if $values.startupProbe.enabled }}
          startupProbe:
            {{- include "codeagent.httpProbe" (dict "probe" $values.startupProbe "path" "/actuator/health/liveness") | nindent 12 }}
          {{- end }}
          {{- if $values.livenessProbe.enabled }}
          livenessProbe:
            {{- include "codeagent.httpProbe" (dict "probe" $values.livenessProbe "path" "/actuator/health/liveness") | nindent 12 }}
          {{- end }}
          {{- if $values.readinessProbe.enabled }}
          readinessProbe:
            {{- include "codeagent.httpProbe" (dict "probe" $values.readinessProbe "path" "/actuator/health/readiness") | nindent 12 }}
          {{- end }}
          {{- if $values.preStopSleepSeconds }}
          lifecycle:
            {{- /* Endpoints are removed asynchronously: keep serving a few seconds before Java sees SIGTERM. */}}
            preStop:
              sleep:
                seconds: {{ $values.preStopSleepSeconds }}
          {{- end }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          securityContext:
            {{- mergeOverwrite (deepCopy $root.Values.containerSecurityContext) $values.containerSecurityContext | toYaml | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: data
              mountPath: {{ $root.Values.config.dataDir }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
        - name: data
          {{- if $persistent }}
          persistentVolumeClaim:
            claimName: {{ default (printf "%s-data" $name) $values.persistence.existingClaim }}
          {{- else }}
          emptyDir: {}
          {{- end }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if $values.affinity }}
      affinity:
        {{- toYaml $values.affinity | nindent 8 }}
      {{- else }}
      affinity:
        {{- /* Spread replicas over nodes when the scheduler can; never block scheduling for it. */}}
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    {{- include "codeagent.selectorLabels" . | nindent 20 }}
      {{- end }}
      {{- with $values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}

{{/* Service of a component. Context: dict root component */}}
{{- define "codeagent.service" -}}
{{- $values := index .root.Values (include "codeagent.valuesKey" .component) -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "codeagent.fullname" .component }}
  namespace: {{ .root.Release.Namespace | quote }}
  labels:
    {{- include "codeagent.labels" . | nindent 4 }}
  {{- $annotations := merge (deepCopy $values.service.annotations) .root.Values.commonAnnotations }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $values.service.type }}
  ports:
    - name: http
      port: {{ $values.service.port }}
      targetPort: http
      protocol: TCP
  selector:
    {{- include "codeagent.selectorLabels" . | nindent 4 }}
{{- end -}}

{{/* HorizontalPodAutoscaler of a component (only when autoscaling.enabled). Context: dict root component */}}
{{- define "codeagent.hpa" -}}
{{- $values := index .root.Values (include "codeagent.valuesKey" .component) -}}
{{- if $values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "codeagent.fullname" .component }}
  namespace: {{ .root.Release.Namespace | quote }}
  labels:
    {{- include "codeagent.labels" . | nindent 4 }}
  {{- with .root.Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "codeagent.fullname" .component }}
  minReplicas: {{ $values.autoscaling.minReplicas }}
  maxReplicas: {{ $values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $values.autoscaling.targetCPUUtilizationPercentage }}
    {{- with $values.autoscaling.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
  behavior:
    scaleDown:
      {{- /* Avoid flapping after a burst of webhook deliveries or model calls. */}}
      stabilizationWindowSeconds: 300
{{- end }}
{{- end -}}

{{/* PodDisruptionBudget of a component. Context: dict root component */}}
{{- define "codeagent.pdb" -}}
{{- $values := index .root.Values (include "codeagent.valuesKey" .component) -}}
{{- if $values.pdb.create }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "codeagent.fullname" .component }}
  namespace: {{ .root.Release.Namespace | quote }}
  labels:
    {{- include "codeagent.labels" . | nindent 4 }}
  {{- with .root.Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- if not (eq (toString $values.pdb.minAvailable) "") }}
  minAvailable: {{ $values.pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $values.pdb.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "codeagent.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}

{{/* ServiceAccount of a component. Context: dict root component */}}
{{- define "codeagent.serviceAccount" -}}
{{- $values := index .root.Values (include "codeagent.valuesKey" .component) -}}
{{- if $values.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "codeagent.serviceAccountName" . }}
  namespace: {{ .root.Release.Namespace | quote }}
  labels:
    {{- include "codeagent.labels" . | nindent 4 }}
  {{- $annotations := merge (deepCopy $values.serviceAccount.annotations) .root.Values.commonAnnotations }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: {{ $values.serviceAccount.automountServiceAccountToken }}
{{- end }}
{{- end -}}

{{/* NetworkPolicy peer: pods of one component of this release. Context: dict root component */}}
{{- define "codeagent.peer" -}}
- podSelector:
    matchLabels:
      {{- include "codeagent.selectorLabels" . | nindent 6 }}
{{- end -}}

{{/* NetworkPolicy peer: the ingress controller. */}}
{{- define "codeagent.ingressControllerPeer" -}}
{{- $ic := .Values.networkPolicy.ingressController -}}
- namespaceSelector:
    {{- toYaml $ic.namespaceSelector | nindent 4 }}
  podSelector:
    {{- toYaml $ic.podSelector | nindent 4 }}
{{- end -}}

{{/* Egress rule: DNS to any resolver in the cluster. */}}
{{- define "codeagent.dnsEgress" -}}
- to:
    - namespaceSelector: {}
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end -}}

{{/* Egress rule: endpoints outside the cluster on the configured ports. */}}
{{- define "codeagent.externalEgress" -}}
{{- $egress := .Values.networkPolicy.externalEgress -}}
- to:
    - ipBlock:
        cidr: {{ $egress.cidr }}
        {{- with $egress.except }}
        except:
          {{- toYaml . | nindent 10 }}
        {{- end }}
  ports:
    {{- range $egress.ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end -}}

{{/* Ingress rule: metrics scraping, when configured. */}}
{{- define "codeagent.metricsIngress" -}}
{{- $metrics := .root.Values.networkPolicy.metrics -}}
{{- if $metrics.enabled }}
- from:
    - namespaceSelector:
        {{- toYaml $metrics.namespaceSelector | nindent 8 }}
      podSelector:
        {{- toYaml $metrics.podSelector | nindent 8 }}
  ports:
    - port: http
      protocol: TCP
{{- end }}
{{- end -}}

{{/*
NetworkPolicy of a component: who may call it (ingress) and whom it may call (egress). The release-wide
default deny (networkpolicy-default-deny.yaml) blocks everything else.
Context: dict root component from (list of component names) ingressController (bool) to (list of component
names) external (bool) extraEgress and extraIngress (YAML lists as strings)
*/}}
{{- define "codeagent.networkPolicy" -}}
{{- $root := .root -}}
{{- if $root.Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "codeagent.fullname" .component }}
  namespace: {{ $root.Release.Namespace | quote }}
  labels:
    {{- include "codeagent.labels" (dict "root" $root "component" .component) | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "codeagent.selectorLabels" (dict "root" $root "component" .component) | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- if .ingressController }}
    - from:
        {{- include "codeagent.ingressControllerPeer" $root | nindent 8 }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
    {{- if .from }}
    - from:
        {{- range .from }}
        {{- include "codeagent.peer" (dict "root" $root "component" .) | nindent 8 }}
        {{- end }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
    {{- include "codeagent.metricsIngress" . | nindent 4 }}
    {{- with .extraIngress }}
    {{- . | nindent 4 }}
    {{- end }}
  egress:
    {{- include "codeagent.dnsEgress" $root | nindent 4 }}
    {{- range .to }}
    - to:
        {{- include "codeagent.peer" (dict "root" $root "component" .) | nindent 8 }}
      ports:
        - port: {{ include "codeagent.containerPort" (dict "root" $root "component" .) }}
          protocol: TCP
    {{- end }}
    {{- if .external }}
    {{- include "codeagent.externalEgress" $root | nindent 4 }}
    {{- end }}
    {{- with .extraEgress }}
    {{- . | nindent 4 }}
    {{- end }}
{{- end }}
{{- end -}}

{{/* Container port of a component (NetworkPolicy ports are pod ports, not Service ports). */}}
{{- define "codeagent.containerPort" -}}
{{- if eq .component "ollama" -}}
{{- .root.Values.ollama.port -}}
{{- else if eq .component "postgresql" -}}
{{- .root.Values.postgresql.port -}}
{{- else -}}
{{- $values := index .root.Values (include "codeagent.valuesKey" .component) -}}
{{- $values.containerPort -}}
{{- end -}}
{{- end -}}
