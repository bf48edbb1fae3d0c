export * from './api-error-codes';
export * from './failure-details';
export * from './failure-types';
export * from './firebreak-error';
