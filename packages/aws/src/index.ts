// AWS clients for every Firebreak process (worker, console, stack): one factory, one retry policy, and the request
// budget AWS counts per account and region, shared by all clients of the process.
export { createEc2Client, EC2_MAX_ATTEMPTS, type Ec2ClientOptions } from './create-ec2-client';
export { createEc2ClientFactory } from './create-ec2-client-factory';
export { TokenBucket, type BucketSpec } from './rate-limit/token-bucket';
export { EC2_DEFAULT_BUCKETS, ec2BucketFor, type Ec2BucketName } from './rate-limit/ec2-buckets';
export { Ec2RateLimiter, sharedEc2RateLimiter } from './rate-limit/ec2-rate-limiter';
export { applyEc2RateLimit, RATE_LIMIT_MIDDLEWARE, rateLimiterOf, THROTTLED_SENDS } from './rate-limit/rate-limit-middleware';
export { isRequestLimitExceeded, isThrottlingError } from './rate-limit/is-throttling-error';
export { heartbeat, heartbeatWhile, WAITING_HEARTBEAT_MS } from './activity-heartbeat';
export { failedCommandOf, isPermanentAwsError, nameFailedCommands } from './refused-requests';
export { fleetClientsOf, type FleetClients } from './fleet-clients';
