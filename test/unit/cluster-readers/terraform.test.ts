import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initTerraform, readTerraformPlans, terraformReady, withTerraform } from '../../../server/src/cluster/readers';
import { summary, shown, assertLocatedInside } from './show';

let beforeInit: { ready: boolean; error: unknown } | undefined;
let onDemand: { plans: number; reads: number } | undefined;

before(async () => {
  const cluster = 'resource "alicloud_cs_managed_kubernetes" "k" {}';
  let error: unknown;
  try {
    readTerraformPlans(cluster);
  } catch (caught) {
    error = caught;
  }
  beforeInit = { ready: terraformReady(), error };
  let reads = 0;
  const plans = await withTerraform(() => {
    reads++;
    return readTerraformPlans(cluster).length;
  });
  onDemand = { plans, reads };
  assert.equal(initTerraform(), initTerraform(), 'one load, one promise');
});

test('Terraform: reading before initTerraform() has completed is an error, not an empty answer', () => {
  assert.equal(beforeInit?.ready, false);
  assert.match(String(beforeInit?.error), /await initTerraform\(\) first/);
  assert.equal(terraformReady(), true);
});

test('Terraform: withTerraform loads the parser when what it runs meets it unloaded, and runs that again', () => {
  assert.deepEqual(onDemand, { plans: 1, reads: 2 });
});

test('Terraform: offsets are UTF-16 code units of the text, also after non-ASCII comments', () => {
  assert.equal(terraformReady(), true);
  const text = `# 集群规划 😀 (astral characters are two UTF-16 units, four UTF-8 bytes)
/* 说明：Flannel 集群 */
resource "alicloud_cs_managed_kubernetes" "k8s" {
  pod_cidr = "172.20.0.0/20" // 注释 é
  addons {
    name = "flannel"
  }
}
`;
  const [plan] = readTerraformPlans(text);
  assert.equal(shown(text, plan.cluster.podCidr), 'pod_cidr = ⟦"172.20.0.0/20"⟧ // 注释 é');
  assert.equal(shown(text, plan.cni), 'name = ⟦"flannel"⟧');
  assert.equal(plan.cni!.start, text.indexOf('"flannel"'));
});

const managed = `variable "svc" { default = "192.168.0.0/16" }

resource "alicloud_vpc" "vpc" {
  vpc_name   = "prod"
  cidr_block = "10.0.0.0/8"
}

resource "alicloud_vswitch" "nodes" {
  vpc_id     = alicloud_vpc.vpc.id
  cidr_block = "10.1.0.0/16"
}

resource "alicloud_cs_managed_kubernetes" "k8s" {
  name               = "prod"
  cluster_spec       = "ack.pro.small"
  version            = "1.30.1-aliyun.1"
  vswitch_ids        = [alicloud_vswitch.nodes.id]
  pod_vswitch_ids    = ["vsw-pod-a", var.extra_pod_vswitch]
  service_cidr       = "172.21.0.0/20,fd00::/112"
  ip_stack           = "dual"
  new_nat_gateway    = true

  addons {
    name = "terway-eniip"
    config = jsonencode({
      IPVlan        = "false"
      NetworkPolicy = "true"
      "ENITrunking" = "true"
    })
  }
  addons {
    name     = "kube-flannel-ds"
    disabled = true
  }
}

resource "alicloud_cs_kubernetes_node_pool" "web" {
  cluster_id     = alicloud_cs_managed_kubernetes.k8s.id
  node_pool_name = "web"
  instance_types = ["ecs.c7.4xlarge"]
  desired_size   = "12"
  image_type     = "AliyunLinux3"
}

resource "alicloud_cs_kubernetes_node_pool" "batch" {
  cluster_id     = alicloud_cs_managed_kubernetes.k8s[0].id
  instance_types = ["ecs.c6.4xlarge", "ecs.g6.4xlarge"]
  scaling_config {
    min_size = 1
    max_size = 30
  }
}
`;

test('Terraform: alicloud_cs_managed_kubernetes with its node pools, literal values located', () => {
  const plans = readTerraformPlans(managed);
  assert.equal(plans.length, 1);
  const [plan] = plans;
  assert.equal(plan.format, 'terraform');
  assert.equal(plan.label, 'alicloud_cs_managed_kubernetes.k8s');
  assert.deepEqual(summary(managed, plan), {
    cni: ['terway', 'name = ⟦"terway-eniip"⟧'],
    'terway.eniMode': ['shared', 'name = ⟦"terway-eniip"⟧'],
    'terway.trunking': [true, '"ENITrunking" = ⟦"true"⟧'],
    'terway.datapath': ['veth', 'IPVlan        = ⟦"false"⟧'],
    'terway.networkPolicy': [true, 'NetworkPolicy = ⟦"true"⟧'],
    'terway.ipStack': ['dual', 'ip_stack           = ⟦"dual"⟧'],
    'cluster.instanceTypes[0]': ['ecs.c7.4xlarge', 'instance_types = [⟦"ecs.c7.4xlarge"⟧]'],
    'cluster.instanceTypes[1]': ['ecs.c6.4xlarge', 'instance_types = [⟦"ecs.c6.4xlarge"⟧, "ecs.g6.4xlarge"]'],
    'cluster.instanceTypes[2]': ['ecs.g6.4xlarge', 'instance_types = ["ecs.c6.4xlarge", ⟦"ecs.g6.4xlarge"⟧]'],
    'cluster.serviceCidrs[0]': ['172.21.0.0/20', 'service_cidr       = "⟦172.21.0.0/20⟧,fd00::/112"'],
    'cluster.serviceCidrs[1]': ['fd00::/112', 'service_cidr       = "172.21.0.0/20,⟦fd00::/112⟧"'],
    'cluster.podVswitchIds[0]': ['vsw-pod-a', 'pod_vswitch_ids    = [⟦"vsw-pod-a"⟧, var.extra_pod_vswitch]'],
    'cluster.kubernetesVersion': ['1.30.1', 'version            = ⟦"1.30.1-aliyun.1"⟧'],
    'cluster.edition': ['pro', 'cluster_spec       = ⟦"ack.pro.small"⟧'],
    // The VPC of the cluster's vSwitch, followed through the references of this file.
    'cluster.vpcCidr': ['10.0.0.0/8', 'cidr_block = ⟦"10.0.0.0/8"⟧'],
    // 12 (web) + 30 (batch, the autoscaler's maximum), located at the larger count.
    'cluster.nodes': [42, 'max_size = ⟦30⟧'],
    'cluster.os': ['AliyunLinux3', 'image_type     = ⟦"AliyunLinux3"⟧'],
    'cniSpecificFields[0]': [{ name: 'pod_vswitch_ids', belongsTo: 'terway' }, '⟦pod_vswitch_ids⟧    = ["vsw-pod-a", var.extra_pod_vswitch]'],
  });
});

test('Terraform: an addon config as a JSON string (escapes) or a heredoc is read inside the string', () => {
  const text = `resource "alicloud_cs_managed_kubernetes" "a" {
  addons {
    name   = "terway-eniip"
    config = "{\\"IPVlan\\":\\"true\\",\\"NetworkPolicy\\":\\"false\\"}"
  }
}
resource "alicloud_cs_kubernetes" "b" {
  addons {
    name   = "terway-eni"
    config = <<-EOT
      {
        "NetworkPolicy": "true",
        "ENITrunking": "false"
      }
    EOT
  }
}
`;
  const [a, b] = readTerraformPlans(text);
  assert.deepEqual(summary(text, a), {
    cni: ['terway', 'name   = ⟦"terway-eniip"⟧'],
    'terway.eniMode': ['shared', 'name   = ⟦"terway-eniip"⟧'],
    'terway.datapath': ['ipvlan', 'config = "{\\"IPVlan\\":⟦\\"true\\"⟧,\\"NetworkPolicy\\":\\"false\\"}"'],
    'terway.networkPolicy': [false, 'config = "{\\"IPVlan\\":\\"true\\",\\"NetworkPolicy\\":⟦\\"false\\"⟧}"'],
  });
  assert.deepEqual(summary(text, b), {
    cni: ['terway', 'name   = ⟦"terway-eni"⟧'],
    'terway.eniMode': ['exclusive', 'name   = ⟦"terway-eni"⟧'],
    'terway.trunking': [false, '"ENITrunking": ⟦"false"⟧'],
    'terway.networkPolicy': [true, '"NetworkPolicy": ⟦"true"⟧,'],
  });
  assert.equal(b.label, 'alicloud_cs_kubernetes.b');
});

test('Terraform: expressions are left alone; a CNI-specific field counts whatever its value', () => {
  const text = `resource "alicloud_cs_managed_kubernetes" "k8s" {
  pod_cidr        = var.pod_cidr
  node_cidr_mask  = local.mask
  service_cidr    = "\${var.prefix}.0.0/20"
  version         = data.alicloud_cs_kubernetes_version.latest.metadata[0].version
  cluster_spec    = var.spec
  pod_vswitch_ids = []
  dynamic "addons" {
    for_each = var.addons
    content {
      name = addons.value.name
    }
  }
  addons {
    name = var.cni
  }
}
`;
  const [plan] = readTerraformPlans(text);
  assert.deepEqual(summary(text, plan), {
    'cniSpecificFields[0]': [{ name: 'pod_cidr', belongsTo: 'flannel' }, '⟦pod_cidr⟧        = var.pod_cidr'],
    'cniSpecificFields[1]': [{ name: 'node_cidr_mask', belongsTo: 'flannel' }, '⟦node_cidr_mask⟧  = local.mask'],
  });
});

test('Terraform: alicloud_cs_kubernetes (dedicated) workers, Flannel fields and numeric strings', () => {
  const text = `resource "alicloud_cs_kubernetes" "dedicated" {
  worker_number         = 3
  worker_instance_types = ["ecs.g7.xlarge"]
  pod_cidr              = "172.20.0.0/16"
  node_cidr_mask        = "26"
  os_type               = "Linux"
  platform              = "AliyunLinux"
  cluster_network_type  = "flannel"
}
`;
  const [plan] = readTerraformPlans(text);
  assert.deepEqual(summary(text, plan), {
    cni: ['flannel', 'cluster_network_type  = ⟦"flannel"⟧'],
    'cluster.instanceTypes[0]': ['ecs.g7.xlarge', 'worker_instance_types = [⟦"ecs.g7.xlarge"⟧]'],
    'cluster.podCidr': ['172.20.0.0/16', 'pod_cidr              = ⟦"172.20.0.0/16"⟧'],
    'cluster.nodeCidrMask': [26, 'node_cidr_mask        = ⟦"26"⟧'],
    'cluster.nodes': [3, 'worker_number         = ⟦3⟧'],
    'cluster.os': ['AliyunLinux', 'platform              = ⟦"AliyunLinux"⟧'],
    'cniSpecificFields[0]': [{ name: 'pod_cidr', belongsTo: 'flannel' }, '⟦pod_cidr⟧              = "172.20.0.0/16"'],
    'cniSpecificFields[1]': [{ name: 'node_cidr_mask', belongsTo: 'flannel' }, '⟦node_cidr_mask⟧        = "26"'],
  });
});

test('Terraform: node pools of a cluster defined elsewhere make a plan of their own, without a CNI', () => {
  const text = `resource "alicloud_cs_kubernetes_node_pool" "pool" {
  cluster_id     = var.cluster_id
  instance_types = ["ecs.c7.4xlarge"]
  desired_size   = 4
}
resource "alicloud_cs_kubernetes_node_pool" "empty" {
  cluster_id = var.cluster_id
}
`;
  const plans = readTerraformPlans(text);
  assert.equal(plans.length, 1);
  assert.equal(plans[0].label, 'alicloud_cs_kubernetes_node_pool.pool');
  assert.equal(plans[0].cni, undefined);
  assert.deepEqual(summary(text, plans[0]), {
    'cluster.instanceTypes[0]': ['ecs.c7.4xlarge', 'instance_types = [⟦"ecs.c7.4xlarge"⟧]'],
    'cluster.nodes': [4, 'desired_size   = ⟦4⟧'],
  });
});

test('Terraform: two clusters in one file make two plans, in file order; pools join the cluster they name', () => {
  const text = `resource "alicloud_cs_managed_kubernetes" "blue" {
  addons {
    name = "flannel"
  }
}
resource "alicloud_cs_kubernetes_node_pool" "green_pool" {
  cluster_id   = alicloud_cs_managed_kubernetes.green.id
  desired_size = 7
}
resource "alicloud_cs_managed_kubernetes" "green" {
  addons {
    name = "terway-eniip"
  }
}
`;
  const plans = readTerraformPlans(text);
  assert.deepEqual(
    plans.map((plan) => [plan.label, plan.cni?.value, plan.cluster.nodes?.value]),
    [
      ['alicloud_cs_managed_kubernetes.blue', 'flannel', undefined],
      ['alicloud_cs_managed_kubernetes.green', 'terway', 7],
    ],
  );
});

test('Terraform: the VPC CIDR is taken only when the references lead to one literal cidr_block', () => {
  const viaVariable = `resource "alicloud_vpc" "vpc" {
  cidr_block = var.vpc_cidr
}
resource "alicloud_vswitch" "vsw" {
  vpc_id = alicloud_vpc.vpc.id
}
resource "alicloud_cs_managed_kubernetes" "k8s" {
  vswitch_ids = alicloud_vswitch.vsw.*.id
}
`;
  assert.equal(readTerraformPlans(viaVariable)[0].cluster.vpcCidr, undefined);
  const unrelated = `resource "alicloud_vpc" "vpc" {
  cidr_block = "192.168.0.0/16"
}
resource "alicloud_cs_managed_kubernetes" "k8s" {
  vswitch_ids = var.vswitch_ids
}
`;
  assert.equal(readTerraformPlans(unrelated)[0].cluster.vpcCidr, undefined);
});

test('Terraform: string escapes, $${ and empty strings decode as Terraform reads them', () => {
  const text = `resource "alicloud_cs_managed_kubernetes" "k8s" {
  pod_cidr     = ""
  service_cidr = "172.21.0.0\\u002f20"
  addons {
    name   = "terway-eniip"
    config = "{\\"NetworkPolicy\\":\\"$\${x}\\"}"
  }
}
`;
  const [plan] = readTerraformPlans(text);
  assert.equal(plan.cluster.podCidr, undefined);
  assert.equal(plan.cniSpecificFields.length, 0);
  assert.deepEqual(plan.cluster.serviceCidrs.map((cidr) => [cidr.value, cidr.raw]), [['172.21.0.0/20', '172.21.0.0\\u002f20']]);
  // "${x}" is not a boolean: the addon config says nothing about NetworkPolicy.
  assert.equal(plan.terway.networkPolicy, undefined);
});

test('Terraform: a file with syntax errors still yields what parses, without throwing', () => {
  const text = `resource "alicloud_cs_managed_kubernetes" "k8s" {
  pod_cidr = "172.20.0.0/16"
  addons {
    name = "flannel"
  }
  broken = = =
}
resource "alicloud_cs_managed_kubernetes" {
`;
  const plans = readTerraformPlans(text);
  assert.deepEqual(
    plans.map((plan) => [plan.label, plan.cni?.value, plan.cluster.podCidr?.value]),
    [['alicloud_cs_managed_kubernetes.k8s', 'flannel', '172.20.0.0/16']],
  );
  for (const plan of plans) assertLocatedInside(text, plan, 'broken.tf');
  assert.deepEqual(readTerraformPlans(''), []);
  assert.deepEqual(readTerraformPlans('variable "x" {}\noutput "y" { value = 1 }\n'), []);
});
