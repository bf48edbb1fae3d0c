import type { EC2Client } from '@aws-sdk/client-ec2';
import type { FirebreakDb } from '@firebreak/db';
import type nodemailer from 'nodemailer';

import {
  createDisconnectActivities,
  createMaintenanceActivities,
  createRecoveryActivities,
  createRestoreActivities,
  createSourceBlockActivities,
} from './ec2';
import { withPermanentRefusals } from './ec2/shared/refused-for-good';
import { createNotifyActivities, type NoticeLinkConfig } from './mail/create-notify-activities';
import { createSecurityAlertActivities } from './mail/create-security-alert-activities';
import { createRecordActivities } from './store/create-record-activities';

export interface ActivityDeps {
  db: FirebreakDb;
  ec2For: (region: string) => EC2Client;
  transport: nodemailer.Transporter;
  mailFrom: string;
  /** Signs the link in every notice; see NoticeLinkConfig. */
  noticeLinks?: NoticeLinkConfig;
}

/** Every side effect a playbook can have, built from injected clients. */
export function createActivities(deps: ActivityDeps) {
  return {
    // AWS's permanent refusals (not authorized, invalid parameter) end an EC2 step for good, with the reason.
    ...withPermanentRefusals(createDisconnectActivities({ db: deps.db, ec2For: deps.ec2For })),
    ...withPermanentRefusals(createSourceBlockActivities({ db: deps.db, ec2For: deps.ec2For })),
    ...withPermanentRefusals(createMaintenanceActivities({ db: deps.db, ec2For: deps.ec2For })),
    ...withPermanentRefusals(createRecoveryActivities({ db: deps.db, ec2For: deps.ec2For })),
    ...withPermanentRefusals(createRestoreActivities({ db: deps.db, ec2For: deps.ec2For })),
    ...createNotifyActivities({
      db: deps.db,
      transport: deps.transport,
      from: deps.mailFrom,
      ...(deps.noticeLinks ? { links: deps.noticeLinks } : {}),
    }),
    ...createSecurityAlertActivities({ transport: deps.transport, from: deps.mailFrom }),
    ...createRecordActivities({ db: deps.db }),
  };
}

/** The activity interface workflows proxy (imported by type only). */
export type Activities = ReturnType<typeof createActivities>;

export { createMailTransport, type MailTransportConfig } from './mail/create-mail-transport';
export { isPermanentSmtpFailure } from './mail/classify-smtp-error';
export type { NoticeLinkConfig } from './mail/create-notify-activities';
export * from './ec2';
