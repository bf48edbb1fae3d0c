import type { Address, Instance, NetworkAcl, NetworkAclEntry, NetworkInterface, RouteTable, SecurityGroup } from '@aws-sdk/client-ec2';

import { autoAssignedPublicIpOf, groupIds, ipv6AddressesOf, untaggedInterfaceOf } from '../shared/describe-deployment-instances';
import { ANY_IPV4, ANY_IPV6 } from '../shared/vpc-ipv6';
import type { SubnetAclAssociation } from './describe-subnet-acls';

/** What EC2 reports after containment, gathered by checkIsolation. */
export interface IsolationObservation {
  isolationGroup: SecurityGroup | undefined;
  denyAcl: NetworkAcl | undefined;
  instances: Instance[];
  interfaces: NetworkInterface[];
  /** Elastic IPs still associated with any instance or interface of the deployment. */
  addresses: Address[];
  subnetIds: string[];
  subnetAcls: SubnetAclAssociation[];
  /** The VPC's IPv6 blocks: with one, the deny ACL must deny ::/0 both ways too. */
  vpcIpv6Blocks: string[];
  /** The VPC's route tables, for the routes to an egress-only internet gateway. */
  routeTables: RouteTable[];
  /** Interfaces in the deployment's subnets that no tagged instance owns: cut off by the subnet ACL only. */
  untaggedInterfaces: NetworkInterface[];
}

export interface IsolationReport {
  clean: boolean;
  /** One sentence per remaining public path; empty when clean. */
  problems: string[];
  evidence: {
    isolationGroupId: string | null;
    networkAclId: string | null;
    instances: string[];
    interfaces: { networkInterfaceId: string; groupIds: string[] }[];
    subnets: { subnetId: string; networkAclId: string | null }[];
    elasticIps: { publicIp: string; instanceId: string | null; networkInterfaceId: string | null }[];
    /** Auto-assigned public IPv4 addresses still on an interface (the emulator keeps them; AWS removes them). */
    autoAssignedPublicIps: { publicIp: string; networkInterfaceId: string; instanceId: string | null }[];
    ipv6: {
      vpcBlocks: string[];
      /** Whether the deny ACL denies ::/0 inbound and outbound. */
      deniedBothWays: boolean;
      interfaces: { networkInterfaceId: string; addresses: string[] }[];
      egressOnlyRoutes: { routeTableId: string; egressOnlyInternetGatewayId: string; destination: string }[];
    };
    untaggedInterfaces: ReturnType<typeof untaggedInterfaceOf>[];
  };
}

/** Decides from describe output alone whether any public path to the deployment remains. */
export function buildIsolationReport(seen: IsolationObservation): IsolationReport {
  const problems: string[] = [];
  const isolationGroupId = seen.isolationGroup?.GroupId ?? null;
  const networkAclId = seen.denyAcl?.NetworkAclId ?? null;

  if (!isolationGroupId) problems.push('the isolation security group does not exist');
  else if (seen.isolationGroup?.IpPermissions?.length || seen.isolationGroup?.IpPermissionsEgress?.length) {
    problems.push(`isolation group ${isolationGroupId} has rules; it must allow nothing`);
  }
  if (!networkAclId) problems.push('the deny-all network ACL does not exist');
  else {
    const allows = (seen.denyAcl?.Entries ?? []).filter((e) => e.RuleAction === 'allow' && (e.RuleNumber ?? 0) < 32767);
    if (allows.length > 0) problems.push(`deny ACL ${networkAclId} has ${allows.length} allow entries`);
  }

  for (const address of seen.addresses) {
    problems.push(
      `Elastic IP ${address.PublicIp} is still associated with ${address.InstanceId ?? address.NetworkInterfaceId ?? 'a resource'}`,
    );
  }
  const autoAssignedPublicIps = seen.interfaces.flatMap((eni) => {
    const publicIp = autoAssignedPublicIpOf(eni);
    return publicIp ? [{ publicIp, networkInterfaceId: eni.NetworkInterfaceId!, instanceId: eni.Attachment?.InstanceId ?? null }] : [];
  });
  for (const address of autoAssignedPublicIps) {
    problems.push(
      `instance ${address.instanceId ?? '(none)'} still has the auto-assigned public address ${address.publicIp} on interface ${address.networkInterfaceId}`,
    );
  }
  const namedAddresses = new Set([...seen.addresses.map((a) => a.PublicIp), ...autoAssignedPublicIps.map((a) => a.publicIp)]);
  for (const instance of seen.instances) {
    if (instance.PublicIpAddress && !namedAddresses.has(instance.PublicIpAddress)) {
      problems.push(`instance ${instance.InstanceId} still has public address ${instance.PublicIpAddress}`);
    }
  }
  for (const eni of seen.interfaces) {
    const groups = groupIds(eni.Groups);
    if (!isolationGroupId || groups.length !== 1 || groups[0] !== isolationGroupId) {
      problems.push(`interface ${eni.NetworkInterfaceId} is in groups [${groups.join(', ')}], not only the isolation group`);
    }
  }

  const ipv6Interfaces = seen.interfaces
    .map((eni) => ({ networkInterfaceId: eni.NetworkInterfaceId!, addresses: ipv6AddressesOf(eni) }))
    .filter((eni) => eni.addresses.length > 0);
  const egressOnlyRoutes = seen.routeTables.flatMap((table) =>
    (table.Routes ?? []).flatMap((route) =>
      route.EgressOnlyInternetGatewayId
        ? [
            {
              routeTableId: table.RouteTableId ?? '',
              egressOnlyInternetGatewayId: route.EgressOnlyInternetGatewayId,
              destination: route.DestinationIpv6CidrBlock ?? '',
            },
          ]
        : [],
    ),
  );
  const entries = seen.denyAcl?.Entries ?? [];
  const deniedBothWays = [false, true].every((egress) => entries.some((e) => deniesEverything(e, egress, 'ipv6')));
  const speaksIpv6 = seen.vpcIpv6Blocks.length > 0 || ipv6Interfaces.length > 0 || egressOnlyRoutes.length > 0;
  if (networkAclId && speaksIpv6 && !deniedBothWays) {
    problems.push(`deny ACL ${networkAclId} does not deny all IPv6 traffic (::/0) both ways, and the VPC carries IPv6`);
  }
  if (networkAclId && ![false, true].every((egress) => entries.some((e) => deniesEverything(e, egress, 'ipv4')))) {
    problems.push(`deny ACL ${networkAclId} does not deny all IPv4 traffic (0.0.0.0/0) both ways`);
  }

  const aclBySubnet = new Map(seen.subnetAcls.map((a) => [a.subnetId, a.networkAclId]));
  for (const subnetId of seen.subnetIds) {
    const on = aclBySubnet.get(subnetId);
    if (!networkAclId || on !== networkAclId) problems.push(`subnet ${subnetId} is on ACL ${on ?? '(none)'}, not the deny ACL`);
  }

  return {
    clean: problems.length === 0,
    problems,
    evidence: {
      isolationGroupId,
      networkAclId,
      instances: seen.instances.map((i) => i.InstanceId ?? ''),
      interfaces: seen.interfaces.map((eni) => ({ networkInterfaceId: eni.NetworkInterfaceId ?? '', groupIds: groupIds(eni.Groups) })),
      subnets: seen.subnetIds.map((subnetId) => ({ subnetId, networkAclId: aclBySubnet.get(subnetId) ?? null })),
      elasticIps: seen.addresses.map((a) => ({
        publicIp: a.PublicIp ?? '',
        instanceId: a.InstanceId ?? null,
        networkInterfaceId: a.NetworkInterfaceId ?? null,
      })),
      autoAssignedPublicIps,
      ipv6: { vpcBlocks: seen.vpcIpv6Blocks, deniedBothWays, interfaces: ipv6Interfaces, egressOnlyRoutes },
      untaggedInterfaces: seen.untaggedInterfaces.map(untaggedInterfaceOf),
    },
  };
}

/** An entry that denies all traffic of one address family in one direction, before any allow could match. */
function deniesEverything(entry: NetworkAclEntry, egress: boolean, family: 'ipv4' | 'ipv6'): boolean {
  const range = family === 'ipv4' ? entry.CidrBlock === ANY_IPV4 : entry.Ipv6CidrBlock === ANY_IPV6;
  return entry.Egress === egress && entry.RuleAction === 'deny' && entry.Protocol === '-1' && range;
}
