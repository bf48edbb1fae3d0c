// Staff accounts: users and their external identities, passwords and their policy, sessions, sign-in throttling and
// the security settings that govern them. The tables are the database package's; the rules about them are here.
export * from './password-hash';
export * from './password-policy';
export * from './users';
export * from './user-identities';
export * from './sessions';
export * from './sign-in-throttle';
export * from './security-settings';
