// What the console may do with EC2 before an incident exists: read, and try calls with DryRun. Nothing here changes
// EC2 or needs a Temporal activity context.
export { previewDisconnect, type DisconnectPreview } from './preview-disconnect';
export { previewSourceBlock, type SourceBlockPreview } from './preview-source-block';
export { previewReplacements, type ReplacementsPreview } from './preview-replacements';
export { disconnectChangesOf, PREVIEW_INCIDENT_ID } from './disconnect-changes';
export { sourceBlockChangesOf, type AclEntries } from './source-block-changes';
export { classifyDryRunError, tryDryRun, EMULATOR_IGNORES_DRY_RUN, type DryRunOptions, type DryRunProbe } from './dry-run';
