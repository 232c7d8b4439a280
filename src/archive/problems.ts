// What a failure of the archive means for the user, in one line: which archive, what is wrong, what to do.
// SQLite and PostgreSQL report a damaged file, a full disk or a read-only place each in their own codes;
// here they become one sentence, and the command line knows which of them still leave the archive readable.

interface CodedError {
  code?: string;
  message?: string;
}

const code = (e: unknown) => String((e as CodedError)?.code ?? "");

/** Writing failed, but what is stored can still be read: a full disk, a read-only file or server. */
export function isWriteProblem(e: unknown): boolean {
  // SQLite: full, read-only, write I/O (EFBIG, ENOSPC on some systems); PostgreSQL: disk_full, read-only transaction.
  return /^SQLITE_(FULL|READONLY|IOERR)/.test(code(e)) || ["53100", "25006"].includes(code(e));
}

/** The sentence for a failure of the archive at `where` (a file or "PostgreSQL at host/db"), or null when it is not one of these. */
export function archiveProblem(e: unknown, where: string): string | null {
  const c = code(e);
  const detail = `${c}: ${(e as CodedError)?.message ?? String(e)}`;
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(c)) {
    return `The archive file ${where} is damaged (${detail}). It is built from the articles folder: move it aside (mv "${where}" "${where}.damaged") and run newsbot ingest to build it again, or restore it from a backup.`;
  }
  if (c === "SQLITE_FULL" || c === "53100")
    return `Cannot write the archive ${where}: the disk is full (${detail}). Free space on that disk and run the command again; nothing stored was lost.`;
  if (/^SQLITE_IOERR/.test(c))
    return `Cannot write the archive ${where}: the disk refused a write (${detail}; a full disk, a file size limit or a failing disk). Free space or check the disk and run the command again; nothing stored was lost.`;
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(c))
    return `Cannot write the archive ${where}: the file or its folder is read-only (${detail}). Give this user write access to it and its folder, or set NEWSBOT_DB to a writable place.`;
  if (c === "25006") return `Cannot write the archive ${where}: the server is read-only (${detail}). Point NEWSBOT_DATABASE_URL at the primary server.`;
  return null;
}
