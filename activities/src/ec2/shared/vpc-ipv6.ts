import { DescribeVpcsCommand, type EC2Client } from '@aws-sdk/client-ec2';

/** The VPC's associated IPv6 blocks: when there is one, every containment rule must cover `::/0` beside `0.0.0.0/0`. */
export async function vpcIpv6Blocks(ec2: EC2Client, vpcId: string): Promise<string[]> {
  const answer = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
  return (answer.Vpcs?.[0]?.Ipv6CidrBlockAssociationSet ?? []).flatMap((block) =>
    block.Ipv6CidrBlock && ['associated', 'associating'].includes(block.Ipv6CidrBlockState?.State ?? '') ? [block.Ipv6CidrBlock] : [],
  );
}

export const ANY_IPV4 = '0.0.0.0/0';
export const ANY_IPV6 = '::/0';
