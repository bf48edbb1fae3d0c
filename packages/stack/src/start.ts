/**
 * `npm start`: the whole of Firebreak on this machine — Temporal, the EC2 emulator, an SMTP sink, the worker and the
 * console — supervised until Ctrl-C. Run through scripts/bootstrap.mjs, which installs dependencies first.
 */
import { join, relative } from 'node:path';

import { createEc2Client } from '@firebreak/aws';
import { migrateToLatest, openDatabase } from '@firebreak/db';

import { buildConsole, consoleBuildReason } from './build-console';
import { seedDemoFleet } from './demo-fleet/seed-demo-fleet';
import { ensureLinkSecret } from './ensure-link-secret';
import { ensurePortFree } from './ensure-port-free';
import { inheritedEnv, readStackEnv, type StackEnv, StackEnvError } from './env';
import { startMailDev } from './maildev-server';
import { startMotoServer } from './moto-server';
import { type AdministratorProvisioning, provisionAdministrator } from './provision-administrator';
import { type ApiTokenProvisioning, provisionApiToken } from './provision-api-token';
import { repoRoot } from './repo-root';
import { acquireSingleInstanceLock, AlreadyRunningError, type SingleInstanceLock } from './single-instance-lock';
import { describeExit, type ServiceProcess } from './spawn-service';
import { startConsoleApp } from './start-console-app';
import { startWorkerProcess } from './start-worker-process';
import { ensureTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';
import { watchEndpoint } from './watch-endpoint';

const HOST = '127.0.0.1';
const AWS_REGION = 'us-east-1';

const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const complain = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** A started service, stopped in reverse start order: console, worker, MailDev, moto, Temporal. */
interface Running {
  name: string;
  stop(): Promise<void>;
}

class Supervisor {
  private readonly running: Running[] = [];
  private lock: SingleInstanceLock | undefined;
  private stopping: Promise<never> | undefined;

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  holdLock(lock: SingleInstanceLock): void {
    this.lock = lock;
  }

  /** Returns a function that forgets the service again (for one-off jobs that finished). */
  add(service: Running): () => void {
    this.running.push(service);
    return () => {
      const index = this.running.indexOf(service);
      if (index >= 0) this.running.splice(index, 1);
    };
  }

  /** Watches a child: if it exits while nobody asked it to, the whole stack goes down with exit code 1. */
  supervise(child: ServiceProcess, label: string): void {
    void child.exited.then((exit) => {
      if (this.isStopping) return;
      complain(`\n[${label}] ${describeExit(exit)} unexpectedly; its log: ${displayPath(child.logFile ?? '')}`);
      const tail = child.outputTail(12);
      if (tail) complain(tail.replace(/^/gm, `[${label}] `));
      void this.shutdown(1);
    });
  }

  /** Stops everything once, in order, then exits. Later calls wait for the first. */
  shutdown(exitCode: number): Promise<never> {
    this.stopping ??= (async () => {
      for (const service of [...this.running].reverse()) {
        say(`stopping ${service.name}...`);
        try {
          await service.stop();
        } catch (error) {
          complain(`could not stop ${service.name} cleanly: ${(error as Error).message}`);
          exitCode = 1;
        }
      }
      this.lock?.release();
      say(exitCode === 0 ? 'Firebreak stopped.' : 'Firebreak stopped after an error.');
      process.exit(exitCode);
    })();
    return this.stopping;
  }
}

const root = repoRoot();
const displayPath = (path: string): string => {
  const fromRoot = relative(root, path);
  return fromRoot.startsWith('..') ? path : fromRoot;
};

async function main(): Promise<void> {
  const supervisor = new Supervisor();
  let env: StackEnv;
  try {
    env = readStackEnv();
  } catch (error) {
    if (error instanceof StackEnvError) {
      complain(error.message);
      process.exit(1);
    }
    throw error;
  }

  const logsDir = join(env.dataDir, 'logs');
  const logFile = (name: string): string => join(logsDir, `${name}.log`);
  const databasePath = join(env.dataDir, 'firebreak.db');

  try {
    supervisor.holdLock(acquireSingleInstanceLock(join(env.dataDir, 'firebreak.pid')));
  } catch (error) {
    if (error instanceof AlreadyRunningError) {
      complain(error.message);
      process.exit(1);
    }
    throw error;
  }

  let firstSignalAt = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (supervisor.isStopping) {
        // A terminal's Ctrl-C reaches this process and the bootstrap (which relays it) at once: one press, one message.
        if (Date.now() - firstSignalAt > 1000) say('still stopping, please wait...');
        return;
      }
      firstSignalAt = Date.now();
      say(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping Firebreak...`);
      void supervisor.shutdown(0);
    });
  }
  const step = async <T>(label: string, action: () => Promise<T>): Promise<T> => {
    if (supervisor.isStopping) await supervisor.shutdown(0);
    say(`• ${label}`);
    return action();
  };

  try {
    const ports: Array<[number, string]> = [
      [env.temporalPort, 'Temporal (TEMPORAL_PORT)'],
      [env.temporalUiPort, 'the Temporal UI (TEMPORAL_UI_PORT)'],
      [env.motoPort, 'the EC2 emulator (MOTO_PORT)'],
      [env.smtpPort, 'MailDev SMTP (SMTP_PORT)'],
      [env.maildevWebPort, 'the MailDev inbox (MAILDEV_WEB_PORT)'],
      [env.consolePort, 'the console (CONSOLE_PORT)'],
    ];
    for (const [port, user] of ports) {
      await ensurePortFree(HOST, port, `it is needed by ${user}: stop what uses it, or set that variable to another port`);
    }

    const temporalBinary = await step('Temporal CLI', () => ensureTemporalCli({ toolsDir: env.toolsDir, log: say }));

    const db = openDatabase(databasePath);
    try {
      await step(`database ${displayPath(databasePath)}`, () => migrateToLatest(db));

      const temporal = await step('Temporal dev server', () =>
        startTemporalDevServer({
          binary: temporalBinary,
          host: HOST,
          port: env.temporalPort,
          uiPort: env.temporalUiPort,
          dbFile: join(env.dataDir, 'temporal.db'),
          namespace: env.temporalNamespace,
          logFile: logFile('temporal'),
        }),
      );
      supervisor.add({ name: 'Temporal', stop: temporal.stop });
      supervisor.supervise(temporal.process, 'temporal');

      const moto = await step('EC2 emulator (moto)', () => startMotoServer({ host: HOST, port: env.motoPort, logFile: logFile('moto') }));
      const motoWatch = watchEndpoint(`${moto.endpoint}/moto-api/data.json`, (reason) => {
        if (supervisor.isStopping) return;
        complain(`\n[moto] stopped answering (${reason}); its log: ${displayPath(logFile('moto'))}`);
        void supervisor.shutdown(1);
      });
      supervisor.add({
        name: 'the EC2 emulator',
        stop: async () => {
          motoWatch.stop();
          await moto.stop();
        },
      });

      const mail = await step('MailDev', () =>
        startMailDev({ host: HOST, smtpPort: env.smtpPort, webPort: env.maildevWebPort, logFile: logFile('maildev') }),
      );
      supervisor.add({ name: 'MailDev', stop: mail.stop });
      supervisor.supervise(mail.process, 'maildev');

      const fleet = await step('demo fleet', () =>
        seedDemoFleet({ ec2: createEc2Client(AWS_REGION, { endpoint: moto.endpoint }), db, region: AWS_REGION }),
      );
      say(`  ${fleet.deployments.length} deployments, ${fleet.customers.length} customers`);

      const shared = {
        ...inheritedEnv(),
        FIREBREAK_DATABASE_PATH: databasePath,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: env.temporalNamespace,
        EC2_ENDPOINT: moto.endpoint,
        AWS_REGION,
        FIREBREAK_LINK_SECRET: ensureLinkSecret(env.dataDir, env.linkSecret),
        CONSOLE_PUBLIC_URL: `http://localhost:${env.consolePort}`,
      };

      const worker = await step('worker', () =>
        startWorkerProcess({
          root,
          env: {
            ...shared,
            SMTP_HOST: mail.smtpHost,
            SMTP_PORT: String(mail.smtpPort),
            MAIL_FROM: env.mailFrom,
          },
          temporalAddress: temporal.address,
          namespace: env.temporalNamespace,
          logFile: logFile('worker'),
        }),
      );
      supervisor.add({ name: 'the worker', stop: () => worker.stop() });
      supervisor.supervise(worker, 'worker');

      const consoleEnv = { ...shared, FIREBREAK_SANDBOX: '1', CONSOLE_PORT: String(env.consolePort) };
      const buildReason = consoleBuildReason(root);
      if (buildReason) {
        await step(`console build (${buildReason}; a minute or two, log ${displayPath(logFile('console-build'))})`, async () => {
          const build = buildConsole({ root, env: consoleEnv, logFile: logFile('console-build') });
          const forget = supervisor.add({ name: 'the console build', stop: () => build.process.stop() });
          await build.done;
          forget();
        });
      }
      const consoleApp = await step('console', () =>
        startConsoleApp({
          consoleDir: join(root, 'apps', 'console'),
          host: HOST,
          port: env.consolePort,
          env: consoleEnv,
          logFile: logFile('console'),
        }),
      );
      supervisor.add({ name: 'the console', stop: () => consoleApp.process.stop() });
      supervisor.supervise(consoleApp.process, 'console');

      // Last, so that a token minted here is printed right away and never lost to a failed start.
      const token = await provisionApiToken(db, env.apiToken);
      const administrator = await provisionAdministrator(db, { username: env.adminUsername, password: env.adminPassword });
      if (supervisor.isStopping) return;
      printSummary({
        env,
        consoleUrl: `http://localhost:${env.consolePort}`,
        temporalUiUrl: `http://localhost:${env.temporalUiPort}`,
        temporalAddress: temporal.address,
        inboxUrl: `http://localhost:${env.maildevWebPort}`,
        smtp: `${mail.smtpHost}:${mail.smtpPort}`,
        motoEndpoint: moto.endpoint,
        logs: join(displayPath(logsDir), '*.log'),
        token,
        administrator,
      });
    } finally {
      // The worker and the console open their own connections; the supervisor needs none once started.
      await db.destroy();
    }
  } catch (error) {
    if (supervisor.isStopping) return;
    complain(`\nFirebreak could not start: ${error instanceof Error ? error.message : String(error)}`);
    await supervisor.shutdown(1);
  }
}

function printSummary(summary: {
  env: StackEnv;
  consoleUrl: string;
  temporalUiUrl: string;
  temporalAddress: string;
  inboxUrl: string;
  smtp: string;
  motoEndpoint: string;
  logs: string;
  token: ApiTokenProvisioning;
  administrator: AdministratorProvisioning;
}): void {
  say();
  say('Firebreak is running (SANDBOX: EC2 calls go to the local emulator).');
  say();
  say(`  Console         ${summary.consoleUrl}`);
  say(`  Temporal UI     ${summary.temporalUiUrl}   (gRPC ${summary.temporalAddress}, namespace ${summary.env.temporalNamespace})`);
  say(`  MailDev inbox   ${summary.inboxUrl}   (SMTP ${summary.smtp})`);
  say(`  EC2 emulator    ${summary.motoEndpoint}   (moto)`);
  say(`  Logs            ${summary.logs}`);
  say();
  switch (summary.token.kind) {
    case 'created':
      say('  A new administrator API token was created. It is shown ONLY THIS ONCE; store it now:');
      say();
      say(`      ${summary.token.token}`);
      say();
      say('  Call the API with the header "Authorization: Bearer <token>".');
      break;
    case 'from-environment':
      say('  API: the administrator token from FIREBREAK_API_TOKEN is registered; send it as "Authorization: Bearer <token>".');
      break;
    case 'existing':
      say(
        `  API: ${summary.token.activeTokens} active token(s) exist already (not shown again). ` +
          'To add one you know, set FIREBREAK_API_TOKEN (24+ characters) and start again.',
      );
      break;
  }
  say();
  switch (summary.administrator.kind) {
    case 'created':
      say(`  Console sign-in: user "${summary.administrator.username}" was created. Its password is shown ONLY THIS ONCE:`);
      say();
      say(`      ${summary.administrator.password}`);
      say();
      say('  Sign in and change it under your account, or set FIREBREAK_ADMIN_PASSWORD before the first start next time.');
      break;
    case 'from-environment':
      say(`  Console sign-in: user "${summary.administrator.username}" was created with the password from FIREBREAK_ADMIN_PASSWORD.`);
      break;
    case 'existing':
      say('  Console sign-in: administrators exist already; their passwords are not shown again.');
      break;
  }
  say();
  say('Press Ctrl-C to stop.');
}

await main();
