// Every file in the articles folder, each real file once: symbolic links are followed (a linked folder of a
// newsroom's archive is part of it), a link to something already listed or a loop is reported, and so is
// each entry that cannot be read at all (a broken link, a folder it may not open). A name that is not UTF-8
// (a Latin-1 "café.txt" from an old system) is read all the same, through its bytes, and named with its odd
// bytes as \xNN. Nothing is ignored silently except hidden entries (.git, .DS_Store) and node_modules.
import { opendirSync, readdirSync, statSync, type Dirent, type Stats } from "node:fs";

export interface ListedFile {
  /** Relative to the folder, with "/". */
  path: string;
  size: number;
  mtimeMs: number;
  /** The file's full path as bytes, when some name on the way is not UTF-8 (`path` then shows those bytes as \xNN). */
  raw?: Buffer;
}

export interface FolderListing {
  files: ListedFile[];
  /** Entries that are not read, each with its one-line reason. */
  skipped: { path: string; reason: string }[];
}

/** A path as a message shows it: as it is, or quoted (JSON style) when it holds a newline, a quote or other control characters. */
export function shown(path: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029"]|^\s|\s$/.test(path) ? JSON.stringify(path) : path;
}

/**
 * Throws the one-line "Cannot read the articles folder" when `dir` cannot be opened as a folder. Checked
 * before a command takes the ingest lease: a missing folder is the command's error whoever indexes.
 */
export function checkArticlesFolder(dir: string): void {
  try {
    opendirSync(dir).closeSync();
  } catch (e) {
    throw folderError(dir, e);
  }
}

const folderError = (dir: string, e: unknown) =>
  new Error(`Cannot read the articles folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { cause: e });

export function listFolder(dir: string): FolderListing {
  const files: ListedFile[] = [];
  const skipped: FolderListing["skipped"] = [];
  /** Real files and folders already listed (device:inode) → the path they were listed under. */
  const seen = new Map<string, string>();
  const links: { full: Buffer; rel: string; raw: boolean }[] = [];
  /** Paths listed, so that a shown name that is not UTF-8 cannot stand for another file. */
  const listed = new Set<string>();
  const id = (st: Stats) => `${st.dev}:${st.ino}`;

  const walk = (full: Buffer, rel: string, raw: boolean) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(full, { withFileTypes: true, encoding: "buffer" });
    } catch (e) {
      if (rel === "") throw folderError(dir, e);
      skipped.push({ path: rel, reason: `a folder that cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      return;
    }
    for (const e of entries) {
      const name = e.name;
      if (name[0] === 0x2e /* . */ || name.equals(NODE_MODULES)) continue;
      const path = Buffer.concat([full, SLASH, name]);
      const text = name.toString("utf8");
      const utf8 = Buffer.from(text, "utf8").equals(name);
      const childRaw = raw || !utf8;
      const shownName = utf8 ? text : escaped(name);
      const childRel = rel ? `${rel}/${shownName}` : shownName;
      if (e.isSymbolicLink()) links.push({ full: path, rel: childRel, raw: childRaw });
      else if (e.isDirectory()) {
        const st = stat(path);
        if (st) seen.set(id(st), childRel);
        walk(path, childRel, childRaw);
      } else if (e.isFile()) add(path, childRel, false, childRaw);
      else skipped.push({ path: childRel, reason: "not a regular file (a device, socket or pipe)" });
    }
  };

  const add = (full: Buffer, rel: string, viaLink: boolean, raw: boolean) => {
    const st = stat(full);
    if (!st) return; // Gone between listing and stat: the next sync sees it or not.
    const earlier = seen.get(id(st));
    if (earlier !== undefined) {
      skipped.push({ path: rel, reason: `the same file as ${shown(earlier)}${viaLink ? " (a symbolic link to it)" : ""}: read once, there` });
      return;
    }
    if (listed.has(rel)) {
      skipped.push({ path: rel, reason: "a name that is not UTF-8, shown as the name of another file here (rename it to be read)" });
      return;
    }
    seen.set(id(st), rel);
    listed.add(rel);
    files.push(raw ? { path: rel, size: st.size, mtimeMs: st.mtimeMs, raw: full } : { path: rel, size: st.size, mtimeMs: st.mtimeMs });
  };

  const root = Buffer.from(dir);
  const rootStat = stat(root);
  if (rootStat) seen.set(id(rootStat), ".");
  walk(root, "", !Buffer.from(root.toString("utf8"), "utf8").equals(root));
  // Links last, so that a file or folder reached both directly and through a link is listed under its own name.
  while (links.length > 0) {
    const { full, rel, raw } = links.shift()!;
    let st: Stats;
    try {
      st = statSync(full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      skipped.push({ path: rel, reason: code === "ELOOP" ? "a symbolic link loop" : `a symbolic link to something that is not there (${code ?? String(e)})` });
      continue;
    }
    if (!st.isDirectory()) {
      if (st.isFile()) add(full, rel, true, raw);
      else skipped.push({ path: rel, reason: "a symbolic link to something that is not a regular file" });
      continue;
    }
    const earlier = seen.get(id(st));
    if (earlier !== undefined) {
      const loop = earlier === "." || rel.startsWith(`${earlier}/`);
      skipped.push({
        path: rel,
        reason: loop
          ? `a symbolic link loop (it points back to ${earlier === "." ? "the articles folder" : shown(earlier)})`
          : `a link to the folder ${shown(earlier)}: its files are read once, there`,
      });
      continue;
    }
    seen.set(id(st), rel);
    walk(full, rel, raw);
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, skipped };
}

const SLASH = Buffer.from("/");
const NODE_MODULES = Buffer.from("node_modules");

function stat(path: Buffer): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** A name that is not UTF-8, shown with its odd bytes as \xNN. */
function escaped(name: Buffer): string {
  let out = "";
  for (const b of name) out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0").toUpperCase()}`;
  return out;
}
