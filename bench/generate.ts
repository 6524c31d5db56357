/**
 * Multi-document manifests that look like real ones: a Deployment, its Service and ConfigMap,
 * a NetworkPolicy, and now and then a pod with Terway annotations that draw findings. Seeded, so
 * every run lints the same text.
 */
function app(n: number): string {
  const name = `svc-${n}`;
  const findings = n % 10 === 0;
  const annotations = findings ? `\n      annotations:\n        k8s.aliyun.com/ingress-bandwidth: 10M\n        kubernetes.io/egress-bandwidth: 10m` : '';
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: team-${n % 7}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
spec:
  replicas: ${1 + (n % 3)}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}${annotations}
    spec:
      containers:
        - name: app
          image: registry.example.com/shop/${name}:v1.${n % 20}
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 512Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: 8080}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: team-${n % 7}
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: team-${n % 7}
data:
  application.properties: |
    server.port=8080
    feature.flags=a,b,c
    cache.ttl=${60 + n}
${n % 5 === 0 ? `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}-allow
  namespace: team-${n % 7}
spec:
  podSelector:
    matchLabels:
      app: ${name}
  ingress:
    - from:
        - podSelector: {}
` : ''}`;
}

export function generateManifests(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const part = app(n);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}
