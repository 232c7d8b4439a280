// Both stores are put together the same way, written once: one part per concern of ArchiveStore (what
// ingestion writes, what commands read, the digest ledger, the leases, the buttons' memory, the source folder),
// each implemented for its database in the store's folder, merged into the one object the program holds.
import type { ArchiveReader, ArchiveSource, ArchiveStore, ArchiveWriter, ButtonMemory, DigestLedger, Leases } from "./store.ts";

/** A store's parts, in the order ArchiveStore lists its concerns. */
export type StoreParts = [ArchiveWriter, ArchiveReader, DigestLedger, Leases, ButtonMemory, ArchiveSource];

/** The store of `kind` made of `parts`; `close` lets its database go. */
export function assembleStore<K extends ArchiveStore["kind"]>(kind: K, parts: StoreParts, close: () => Promise<void>): ArchiveStore & { readonly kind: K } {
  const [writer, reader, ledger, leases, buttons, source] = parts;
  return { kind, ...writer, ...reader, ...ledger, ...leases, ...buttons, ...source, close };
}
