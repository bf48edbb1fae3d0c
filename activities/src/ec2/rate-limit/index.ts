export { TokenBucket, type BucketSpec } from './token-bucket';
export { EC2_DEFAULT_BUCKETS, ec2BucketFor, type Ec2BucketName } from './ec2-buckets';
export { Ec2RateLimiter, sharedEc2RateLimiter } from './ec2-rate-limiter';
export { applyEc2RateLimit, RATE_LIMIT_MIDDLEWARE, rateLimiterOf, THROTTLED_SENDS } from './rate-limit-middleware';
export { inParallel, EC2_CALLS_IN_FLIGHT } from './in-parallel';
export { isRequestLimitExceeded, isThrottlingError } from './is-throttling-error';
