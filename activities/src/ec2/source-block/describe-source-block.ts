import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { isDenyOf, lowestAllowRule } from './choose-deny-rule-number';
import { describeDeploymentAcls } from './describe-deployment-acls';
import { parseSourceBlockInput, type SourceBlockAclEntry } from './source-block-input';

export interface SourceBlockState {
  cidr: string;
  /** Every ACL the deployment's subnets are on denies the source both ways, below every allow rule. */
  active: boolean;
  /** The effective denies of the source, whoever added them. */
  entries: SourceBlockAclEntry[];
}

/** What EC2 says now about the block of a source on the deployment, for verification and the console. */
export async function describeSourceBlock(deps: Ec2ActivityDeps, rawInput: unknown): Promise<SourceBlockState> {
  const { deployment, sourceAddress: cidr } = parseSourceBlockInput(rawInput);
  const acls = await describeDeploymentAcls(deps.ec2For(deployment.region), deployment);
  const entries: SourceBlockAclEntry[] = [];
  let active = acls.length > 0;
  for (const { networkAclId, acl, subnetIds } of acls) {
    for (const egress of [false, true]) {
      const direction = (acl.Entries ?? []).filter((e) => (e.Egress ?? false) === egress);
      const lowestAllow = lowestAllowRule(direction);
      const denies = direction
        .filter((e) => isDenyOf(e, cidr) && e.RuleNumber! < lowestAllow)
        .sort((a, b) => a.RuleNumber! - b.RuleNumber!);
      if (denies.length === 0) active = false;
      entries.push(...denies.map((e) => ({ networkAclId, subnetIds, ruleNumber: e.RuleNumber!, egress })));
    }
  }
  return { cidr, active, entries };
}
