{{- define "poa.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 50 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "poa.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component: include "poa.selector" (list . "api") */}}
{{- define "poa.selector" -}}
app.kubernetes.io/name: {{ (index . 0).Chart.Name }}
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "poa.secretName" -}}
{{- if .Values.secrets.existingSecret -}}{{ .Values.secrets.existingSecret }}{{- else if .Values.secrets.create -}}{{ include "poa.fullname" . }}{{- else -}}{{ fail "set secrets.existingSecret to the Secret holding DATABASE_URL, DATABASE_MIGRATION_URL, REDIS_URL, JWT_SECRET and the S3 keys (or secrets.create=true on a local cluster)" }}{{- end -}}
{{- end -}}

{{/* The environment every container gets: the ConfigMap, then each secret by reference (never inlined). */}}
{{- define "poa.env" -}}
- name: NODE_ENV
  value: production
{{- range $key := list "DATABASE_URL" "DATABASE_MIGRATION_URL" "REDIS_URL" "JWT_SECRET" }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef: { name: {{ include "poa.secretName" $ }}, key: {{ $key }} }
{{- end }}
{{- if eq .Values.config.STORAGE_DRIVER "s3" }}
{{- range $key := list "S3_ACCESS_KEY_ID" "S3_SECRET_ACCESS_KEY" }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef: { name: {{ include "poa.secretName" $ }}, key: {{ $key }} }
{{- end }}
{{- end }}
{{- range $key := list "SMTP_URL" "METRICS_TOKEN" }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef: { name: {{ include "poa.secretName" $ }}, key: {{ $key }}, optional: true }
{{- end }}
{{- end -}}

{{- define "poa.envFrom" -}}
- configMapRef:
    name: {{ include "poa.fullname" . }}
{{- end -}}

{{/* Egress to DNS and the managed PostgreSQL, Redis and object storage. */}}
{{- define "poa.egress.backing" -}}
{{- $np := .Values.networkPolicy -}}
- to:
    - namespaceSelector: {}
      podSelector:
        matchLabels: { k8s-app: kube-dns }
  ports:
    - { port: 53, protocol: UDP }
    - { port: 53, protocol: TCP }
{{- if and (eq .Values.config.STORAGE_DRIVER "s3") (empty $np.objectStorage.cidrs) }}
{{- fail "networkPolicy.objectStorage.cidrs: the address ranges of the object storage (the PDF worker may reach nothing else)" }}
{{- end }}
{{- range $target := list $np.postgres $np.redis $np.objectStorage }}
{{- if $target.cidrs }}
- to:
  {{- range $cidr := $target.cidrs }}
    - ipBlock: { cidr: {{ $cidr }} }
  {{- end }}
  ports:
    - { port: {{ $target.port }}, protocol: TCP }
{{- end }}
{{- end }}
{{- end -}}

{{/* A worker's only listener, its health and metrics port: for monitoring (the kubelet's probes are not subject to NetworkPolicy). */}}
{{- define "poa.ingress.worker" -}}
- from:
    - namespaceSelector:
        matchLabels: { kubernetes.io/metadata.name: {{ .Values.metrics.monitoringNamespace }} }
  ports: [{ port: {{ .Values.worker.healthPort }}, protocol: TCP }]
{{- end -}}
