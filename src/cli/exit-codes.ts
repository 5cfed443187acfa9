/** One meaning per exit code across every command. */
export const EXIT = {
  ok: 0,
  /** The command ran and found what it reports as failure (error diagnostics, removed URLs, ...). */
  failed: 1,
  /** The command could not run as asked: bad arguments, a directory that is no project, an unreadable input. */
  usage: 2,
} as const;
