import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The Temporal client speaks gRPC through native and dynamically loaded modules, and better-sqlite3 is a native
  // addon: all of them are loaded by Node at run time rather than bundled.
  serverExternalPackages: [
    '@temporalio/client',
    '@temporalio/common',
    '@temporalio/proto',
    '@grpc/grpc-js',
    'better-sqlite3',
    'kysely',
  ],
  // Internal packages ship TypeScript source.
  transpilePackages: ['@firebreak/domain', '@firebreak/db'],
  poweredByHeader: false,
};

export default nextConfig;
