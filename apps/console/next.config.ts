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
    // Argon2 password hashing is a native addon too; bundling it would pick its browser stub.
    '@node-rs/argon2',
    // Used by the declare preview only; large, and nothing in it needs bundling.
    '@aws-sdk/client-ec2',
  ],
  // Internal packages ship TypeScript source.
  transpilePackages: ['@firebreak/domain', '@firebreak/db', '@firebreak/accounts', '@firebreak/aws', '@firebreak/activities'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        // A contact's page carries its signed link in the URL: it must never leave in a Referer header.
        source: '/n/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Cache-Control', value: 'no-store' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
    ];
  },
};

export default nextConfig;
