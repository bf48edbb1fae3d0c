export { migrateToLatest, openDatabase, type FirebreakDb } from './open-database';
export type * from './schema';
export * from './queries/api-tokens';
export * from './queries/directory';
export * from './queries/incidents';
export * from './queries/notices';
export * from './queries/pre-change-states';
export * from './queries/timeline';
export * from './queries/ping-database';
