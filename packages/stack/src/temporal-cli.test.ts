import { describe, expect, it } from 'vitest';

import { parseModuleVersion, TEMPORAL_CLI_VERSION } from './temporal-cli';

describe('parseModuleVersion', () => {
  it('reads the Temporal CLI module version from `go version -m` output', () => {
    const output = [
      '/home/me/.cache/firebreak/tools/temporal: go1.26.8',
      '\tpath\tgithub.com/temporalio/cli/cmd/temporal',
      '\tmod\tgithub.com/temporalio/cli\tv1.5.1\th1:0RZMk14BWxz44Xg6ciDQvpfAMffoG3J7/K03ql80teY=',
      '\tdep\tcel.dev/expr\tv0.23.1\th1:K4KOtPCJQjVggkARsjG9RWXP6O4R73aHeJMa/dmCQQg=',
    ].join('\n');
    expect(parseModuleVersion(output)).toBe('v1.5.1');
    expect(TEMPORAL_CLI_VERSION).toBe('v1.5.1');
  });

  it('finds nothing in another binary', () => {
    expect(parseModuleVersion('/usr/bin/x: go1.22.0\n\tpath\texample.com/x\n\tmod\texample.com/x\tv0.1.0\n')).toBeUndefined();
  });
});
