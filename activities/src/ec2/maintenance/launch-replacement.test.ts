import { describe, expect, it } from 'vitest';

import { encryptedMappings, replacementClientToken } from './launch-replacement';

describe('replacementClientToken', () => {
  it('is stable per incident, instance and attempt, distinct otherwise, and within EC2 limits', () => {
    const token = replacementClientToken('inc-abcdefabcdef', 'i-0123456789abcdef0', 0);
    expect(replacementClientToken('inc-abcdefabcdef', 'i-0123456789abcdef0', 0)).toBe(token);
    expect(replacementClientToken('inc-abcdefabcdef', 'i-0123456789abcdef0', 1)).not.toBe(token);
    expect(replacementClientToken('inc-abcdefabcdef', 'i-0123456789abcdef1', 0)).not.toBe(token);
    expect(replacementClientToken('inc-bbcdefabcdef', 'i-0123456789abcdef0', 0)).not.toBe(token);
    expect(token).toMatch(/^[\x20-\x7e]{1,64}$/);
  });
});

describe('encryptedMappings', () => {
  it('encrypts every EBS volume of the image and never shrinks the root', () => {
    const image = {
      imageId: 'ami-1',
      rootDeviceName: '/dev/sda1',
      blockDeviceMappings: [
        { DeviceName: '/dev/sda1', Ebs: { SnapshotId: 'snap-1', VolumeSize: 15, VolumeType: 'standard' as const } },
        { DeviceName: '/dev/sdb', Ebs: { SnapshotId: 'snap-2', VolumeSize: 100 } },
        { DeviceName: '/dev/sdc', VirtualName: 'ephemeral0' },
      ],
    };
    expect(encryptedMappings(image, 20)).toEqual([
      { DeviceName: '/dev/sda1', Ebs: { Encrypted: true, DeleteOnTermination: true, VolumeType: 'gp3', VolumeSize: 20 } },
      { DeviceName: '/dev/sdb', Ebs: { Encrypted: true, DeleteOnTermination: true, VolumeType: 'gp3', VolumeSize: 100 } },
    ]);
    expect(encryptedMappings(image, 8)[0]?.Ebs?.VolumeSize).toBe(15);
  });

  it('adds an encrypted root when the image lists none', () => {
    expect(encryptedMappings({ imageId: 'ami-1', rootDeviceName: '/dev/xvda', blockDeviceMappings: [] }, undefined)).toEqual([
      { DeviceName: '/dev/xvda', Ebs: { Encrypted: true, DeleteOnTermination: true, VolumeType: 'gp3', VolumeSize: undefined } },
    ]);
  });
});
