/**
 * The inbox writer: writes each file once and records what the ground truth
 * (expected.json) must say about it.
 */
import { dirname, join } from "node:path";

/** How a file is stored on disk. */
export type FileEncoding = "utf-8" | "utf-8-bom" | "windows-1252" | "xlsx";

/** One file of the inbox as listed in expected.json. */
export interface FileEntry {
  path: string;
  rows: number;
  encoding: FileEncoding;
  sheets?: Record<string, number>;
}

/** One deliberate defect, so loader tests know what to expect. */
export interface MessinessEntry {
  path: string;
  kind: string;
  detail: string;
  count?: number;
}

/** Collects files written under `<out>/inbox/`. */
export class Inbox {
  readonly root: string;
  readonly files: FileEntry[] = [];
  readonly messiness: MessinessEntry[] = [];
  bytesWritten = 0;

  /** @param root absolute or relative path of the inbox folder */
  constructor(root: string) {
    this.root = root;
  }

  /**
   * Writes a file (creating its folder) and records it.
   * @param entry relative path, data row count, encoding
   * @param bytes full file content
   */
  async write(entry: FileEntry, bytes: Uint8Array): Promise<void> {
    const full = join(this.root, ...entry.path.split("/"));
    await Deno.mkdir(dirname(full), { recursive: true });
    await Deno.writeFile(full, bytes);
    this.files.push(entry);
    this.bytesWritten += bytes.length;
  }

  /** Records a deliberate defect. */
  mess(entry: MessinessEntry): void {
    this.messiness.push(entry);
  }
}
