/** `2025-11-27 12:09:34 UTC`: the same text on the server and in every browser. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** How long ago, in the largest unit that fits: `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h`. */
export function formatAge(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A span of time to the second in its two largest units: `45 s`, `12 min 5 s`, `3 h 5 min`, `2 d 4 h`. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** How long until a deadline, or how long past it: `3 h 5 min left`, `overdue by 12 min 5 s`. */
export function formatTimeLeft(deadlineIso: string, now: Date): string {
  const left = new Date(deadlineIso).getTime() - now.getTime();
  return left >= 0 ? `${formatDuration(left)} left` : `overdue by ${formatDuration(-left)}`;
}
