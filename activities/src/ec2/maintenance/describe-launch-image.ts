import { DescribeImagesCommand, type EC2Client, type Image } from '@aws-sdk/client-ec2';
import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';

import { isAwsError } from '../shared/aws-errors';

export const IMAGE_NOT_AVAILABLE = FAILURE.IMAGE_NOT_AVAILABLE;

export interface LaunchImage {
  imageId: string;
  rootDeviceName: string;
  blockDeviceMappings: NonNullable<Image['BlockDeviceMappings']>;
}

/** The image to launch from, which must exist and be available; a missing one fails for good, a pending one retries. */
export async function describeLaunchImage(ec2: EC2Client, imageId: string): Promise<LaunchImage> {
  let image: Image | undefined;
  try {
    image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
  } catch (error) {
    if (!isAwsError(error, 'InvalidAMIID.NotFound', 'InvalidAMIID.Malformed', 'InvalidAMIID.Unavailable')) throw error;
  }
  if (!image || image.State === 'deregistered' || image.State === 'failed' || image.State === 'invalid') {
    throw ApplicationFailure.create({
      type: IMAGE_NOT_AVAILABLE,
      message: `image ${imageId} does not exist or cannot be used`,
      nonRetryable: true,
    });
  }
  if (image.State !== 'available') throw new Error(`image ${imageId} is ${image.State ?? 'in an unknown state'}, not yet available`);
  if (!image.RootDeviceName) throw new Error(`image ${imageId} reports no root device`);
  return { imageId, rootDeviceName: image.RootDeviceName, blockDeviceMappings: image.BlockDeviceMappings ?? [] };
}
