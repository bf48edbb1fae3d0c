// The EC2 rate limiter itself is @firebreak/aws's, shared by every process; what stays here paces an activity's calls.
export { inParallel, EC2_CALLS_IN_FLIGHT } from './in-parallel';
