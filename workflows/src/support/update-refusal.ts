import { type FailureDetails, failureOptions, type FailureType } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/workflow';

/**
 * What an update validator throws to refuse an update: an ApplicationFailure of a registered type, with the fields
 * to fix as details, so the caller answers by type and never has to read the words.
 */
export function refusal(type: FailureType, message: string, details?: FailureDetails): ApplicationFailure {
  return ApplicationFailure.create(failureOptions(type, message, details));
}
