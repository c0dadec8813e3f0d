import { buildApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { migrate } from './db/migrate';
import { DataDirLockedError } from './db/data-dir-lock';
import { MigrationError } from './db/migrate';
import { appLoginRole, openDatabases, UnsafeDatabaseRoleError } from './db/open-databases';
import { grantAppRole } from './db/provision';
import { OutboxWorker } from './notifications/outbox-worker';
import { RetentionJob } from './recordings/retention';
import { FileBlobStore } from './storage/blob-store';
import { LogTransport, SmtpTransport } from './notifications/transports';
import { seedDemoClinicIfEmpty, printDemoLogins } from './seed/demo-clinic';
import { seedDemoDirectoryIfEmpty } from './seed/demo-directory';

/** The only file that listens: load config, open and migrate the database, seed the demo, serve. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const dbs = await openDatabases(config);
  let closing = false;
  try {
    await migrate(dbs.admin);
    const loginRole = await appLoginRole(dbs);
    if (loginRole) await grantAppRole(dbs.admin, loginRole);
    const seeded = await seedDemoClinicIfEmpty(dbs.admin, config);
    await seedDemoDirectoryIfEmpty(dbs.admin, config);
    const app = await buildApp({ config, dbs });
    const worker = new OutboxWorker(dbs.app, {
      email: config.messaging.smtpUrl ? SmtpTransport.fromUrl(config.messaging.smtpUrl, config.messaging.from) : new LogTransport(app.log, 'email'),
      sms: new LogTransport(app.log, 'sms'),
    }, app.log);
    // Daily: recordings past their retention period are crypto-shredded.
    const retention = new RetentionJob(dbs.app, new FileBlobStore(config.recording.blobDir), app.log);
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      await worker.stop();
      retention.stop();
      await app.close(); // Stops accepting, lets requests in flight finish.
      await dbs.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ host: config.host, port: config.port });
    worker.start(config.messaging.pollSeconds);
    retention.start();
    if (seeded !== 'skipped') printDemoLogins(config);
    console.warn(
      `\nConfide is ready at ${config.publicUrl} (database: ${config.database.kind === 'embedded' ? `embedded, ${config.database.dataDir}` : 'PostgreSQL server'}; started in ${Math.round(performance.now() - started)} ms)\n`,
    );
  } catch (err) {
    await dbs.close();
    throw err;
  }
}

main().catch((err: unknown) => {
  // Errors that explain themselves are printed alone; anything else with its stack.
  const known = [ConfigError, DataDirLockedError, MigrationError, UnsafeDatabaseRoleError].some((E) => err instanceof E);
  console.error(known ? (err as Error).message : err);
  process.exit(1);
});
