/**
 * The sources behind the rules, numbered as in the project's CNI fact sheet (cni-facts.md), so a
 * rule page can cite both the fact sheet section and the primary source.
 */
const terway = 'https://github.com/AliyunContainerService/terway/blob/89aadf8bbc19dbc63f51161b6453b634cfe9986e/';
const ackHelp = 'https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/';

export const sources = {
  'src-1': { title: 'Terway source: types/k8s.go (annotation keys)', url: `${terway}types/k8s.go` },
  'src-2': { title: 'Terway source: pkg/k8s/k8s.go (parseBandwidth, pod annotations)', url: `${terway}pkg/k8s/k8s.go` },
  'src-3': { title: 'Terway docs: QoS (docs/qos.md)', url: `${terway}docs/qos.md` },
  'src-4': { title: 'Terway Helm chart: terwayd ConfigMap and values', url: `${terway}charts/terway/values.yaml` },
  'src-5': { title: 'Terway source: daemon configuration (types/daemon/config.go)', url: `${terway}types/daemon/config.go` },
  'src-6': { title: 'Terway source: terway-cli CNI and policy setup', url: `${terway}cmd/terway-cli/policy.go` },
  'src-7': { title: 'Terway source: CNI plugin bandwidth handling', url: `${terway}plugin/terway/cni.go` },
  'src-8': { title: 'Terway API: PodNetworking types (network.alibabacloud.com/v1beta1)', url: `${terway}pkg/apis/network.alibabacloud.com/v1beta1/types.go` },
  'src-9': { title: 'Terway controlplane webhooks (mutating and validating)', url: `${terway}pkg/controller/webhook/validate.go` },
  'src-10': { title: 'Terway docs: trunk ENI and multi-network', url: `${terway}docs/terway-trunk.md` },
  'src-11': { title: 'Terway docs: exclusive ENI node pools', url: `${terway}docs/exclusive-eni-node-pool.md` },
  'src-12': { title: 'Terway docs: dynamic config, IPv6, IP prefix', url: `${terway}docs/dynamic-config.md` },
  'src-13': { title: 'Terway source: ENI limits per instance type', url: `${terway}pkg/aliyun/client/limit.go` },
  'src-14': { title: 'Terway e2e Terraform for ACK', url: `${terway}hack/terraform/ack/terraform_e2e.tf` },
  'src-15': { title: 'Terway history: tags v1.0.10 to v1.14.0', url: 'https://github.com/AliyunContainerService/terway/tags' },
  'src-16': { title: 'Terway: policy image and EIP docs (docs/eip.md)', url: 'https://github.com/AliyunContainerService/terway/blob/main/docs/eip.md' },
  'src-17': { title: 'Flannel documentation (configuration, backends, netpol)', url: 'https://github.com/flannel-io/flannel/blob/cdf760595c23292fd03ff4daf03638ac1ceef417/Documentation/configuration.md' },
  'src-18': { title: 'Alibaba Cloud ECS instance families (ENI quotas, 2021 snapshot)', url: 'https://github.com/AlibabaCloudDocs/ecs' },
  'src-19': { title: 'cloud-provider-alibaba-cloud: Service annotations and ALB ingress', url: 'https://github.com/kubernetes/cloud-provider-alibaba-cloud/blob/eeb0ddc687ee5ee9d3726559d6a8ec056f694947/docs/usage.md' },
  'src-20': { title: 'Kubernetes: pkg/util/bandwidth (limits 1k..1P)', url: 'https://github.com/kubernetes/kubernetes/blob/04791b4906602ffda5ccf9bc4c84d3329f1d7080/pkg/util/bandwidth/utils.go' },
  'src-21': { title: 'Terraform alicloud_cs_managed_kubernetes', url: 'https://github.com/aliyun/terraform-provider-alicloud/blob/0039b1f6af6df5853c3c2f0daff2bad0722999af/website/docs/r/cs_managed_kubernetes.html.markdown' },
  'src-22': { title: 'ACK CreateCluster API request fields', url: 'https://github.com/aliyun/alibabacloud-go-sdk/blob/master/cs-20151215/client/create_cluster_request_model.go' },
  'src-23': { title: 'ACK: Work with Terway', url: 'https://www.alibabacloud.com/help/doc-detail/97467.htm' },
  'src-24': { title: 'ACK: Customize Terway configuration parameters', url: `${ackHelp}terway-configuration-parameters` },
  'src-25': { title: 'ACK: Configure QoS for pods', url: `${ackHelp}configure-qos-for-pods` },
  'src-26': { title: 'ACK: Configure bandwidth limits for pods (Flannel)', url: `${ackHelp}configure-bandwidth-limits-for-pods-in-flannel` },
  'src-27': { title: 'ACK: Use the Flannel network plugin', url: `${ackHelp}work-with-flannel` },
  'src-28': { title: 'ACK: Managed cluster network planning', url: 'https://www.alibabacloud.com/help/en/doc-detail/86500.htm' },
  'src-29': { title: 'ACK: Container networking FAQ', url: `${ackHelp}faq-about-container-networks` },
  'src-30': { title: 'ACK: Comparison between Terway and Flannel', url: 'https://alibabacloud.com/help/ja/ack/ack-managed-and-ack-dedicated/user-guide/comparison-between-terway-and-flannel' },
  'src-31': { title: 'ACK: Configure ALB instances with AlbConfig', url: 'https://www.alibabacloud.com/help/en/ack/distributed-cloud-container-platform-for-kubernetes/user-guide/configure-albconfig-objects' },
  'src-32': { title: 'ACK: Fixed IP, own vSwitch and security group per pod', url: `${ackHelp}configure-a-static-ip-address-a-separate-vswitch-and-a-separate-security-group-for-each-pod` },
  'src-33': { title: 'ACK Edge: Terway Edge network plugin', url: 'https://www.alibabacloud.com/help/en/ack/ack-edge/user-guide/terway-edge-network-plug-in-introduction' },
  'src-34': { title: 'Kubernetes KEP-2079: NetworkPolicy port ranges (endPort)', url: 'https://www.kubernetes.dev/resources/keps/2079/' },
  'src-35': { title: 'Cilium issue #28684: endPort ignored', url: 'https://github.com/cilium/cilium/issues/28684' },
  'src-36': { title: 'KEP-2161: kubernetes.io/metadata.name namespace label', url: 'https://github.com/kubernetes/enhancements/issues/2161' },
  'src-37': { title: 'ECI: Configure the bandwidth of a pod', url: 'https://www.alibabacloud.com/help/en/eci/user-guide/configure-the-bandwidth-of-a-pod-1' },
  'seed-000': { title: 'Comparison seed 000: Terway annotations (bandwidth, ENI)', url: '' },
  'seed-001': { title: 'Comparison seed 001: Terway modes, IPVLAN, NetworkPolicy', url: '' },
  'seed-002': { title: 'Comparison seed 002: Terway Edge vs Flannel (ACK Edge)', url: '' },
  'seed-003': { title: 'Comparison seed 003: Terway vs Flannel on ACK', url: '' },
  'seed-004': { title: 'Comparison seed 004: Terway modes (zh)', url: '' },
} as const;

export type SourceId = keyof typeof sources;
