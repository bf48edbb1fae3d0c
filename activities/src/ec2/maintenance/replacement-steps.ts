/**
 * The steps of an immutable replacement, one by one, for tests and tools that must stop or resume between them
 * (a crash simulation); playbooks call `replaceInstances`, which runs them all.
 */
export { describeLaunchImage } from './describe-launch-image';
export { launchReplacement } from './launch-replacement';
export { moveElasticIps } from './move-elastic-ips';
export { planReplacements } from './plan-replacements';
export { replaceInstance } from './replace-instances';
export { retireInstance } from './retire-instance';
