import { CreateImageCommand, DescribeImagesCommand, type EC2Client } from '@aws-sdk/client-ec2';

/**
 * Stands in for engineering's patched build: an image made from one of the fleet's instances, found by name before
 * it is created so a test can ask twice. Test-only; production is told the image id.
 */
export async function ensurePatchedImage(ec2: EC2Client, fromInstanceId: string, name = 'transfer-node-patched'): Promise<string> {
  const found = await ec2.send(new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] }));
  const existing = found.Images?.find((i) => i.ImageId)?.ImageId;
  if (existing) return existing;
  const created = await ec2.send(
    new CreateImageCommand({
      InstanceId: fromInstanceId,
      Name: name,
      Description: 'transfer node with the security fix applied',
      NoReboot: true,
    }),
  );
  if (!created.ImageId) throw new Error('CreateImage returned no ImageId');
  return created.ImageId;
}
