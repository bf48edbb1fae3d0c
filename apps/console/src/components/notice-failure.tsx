import { UtcTime } from './utc-time';

/** Why and when a notice could not be delivered, or a dash when it was not refused. */
export interface FailedNoticeFields {
  status: string;
  failedAt: string | null;
  error: string | null;
}

export function NoticeFailure({ notice }: { notice: FailedNoticeFields }) {
  if (notice.status !== 'failed') return <>—</>;
  return (
    <>
      {notice.failedAt && (
        <>
          <UtcTime iso={notice.failedAt} />
          <br />
        </>
      )}
      {notice.error ?? 'failed'}
    </>
  );
}
