import { createServer } from 'node:net';

/**
 * Asks the OS for a free TCP port on `host`. For servers that cannot bind port 0 themselves (moto):
 * the port is released before the caller binds it, so a collision is possible but unlikely.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port the OS assigned'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
