import type { IpPermission } from '@aws-sdk/client-ec2';
import type { ApplicationKind } from '@firebreak/domain';

export const TRANSFER_PORT = 33001;
export const SSH_PORT = 3001;

/** Files reaches its node over HTTPS; Faspex, Shares and Console use the node API port. */
export function nodeApiPort(application: ApplicationKind): number {
  return application === 'files' ? 443 : 9092;
}

/**
 * Inbound rules of a transfer server: everything else is denied by the group's default. Transfers (TCP and UDP
 * 33001) from anywhere, the node API from the application's host only, SSH on 3001 from the allow-list only;
 * port 22 is never opened.
 */
export function transferFirewallRules(input: {
  applicationKind: ApplicationKind;
  applicationHostCidr: string;
  sshAllowList: readonly string[];
}): IpPermission[] {
  const anywhere = [{ CidrIp: '0.0.0.0/0', Description: 'transfers' }];
  const apiPort = nodeApiPort(input.applicationKind);
  return [
    { IpProtocol: 'tcp', FromPort: TRANSFER_PORT, ToPort: TRANSFER_PORT, IpRanges: anywhere },
    { IpProtocol: 'udp', FromPort: TRANSFER_PORT, ToPort: TRANSFER_PORT, IpRanges: anywhere },
    {
      IpProtocol: 'tcp',
      FromPort: apiPort,
      ToPort: apiPort,
      IpRanges: [{ CidrIp: input.applicationHostCidr, Description: 'application host' }],
    },
    {
      IpProtocol: 'tcp',
      FromPort: SSH_PORT,
      ToPort: SSH_PORT,
      IpRanges: input.sshAllowList.map((cidr) => ({ CidrIp: cidr, Description: 'operations SSH allow-list' })),
    },
  ];
}
