import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';

export interface ArchiveEntry {
  /** Path inside the archive's top folder. */
  name: string;
  data: Buffer;
}

/** A .tar.gz of the entries under one top folder `poa-desk-export/`, in memory. */
export async function buildArchive(entries: ArchiveEntry[]): Promise<Buffer> {
  const tar = pack();
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    gzip.on('end', () => resolve(Buffer.concat(chunks)));
    gzip.on('error', reject);
    tar.on('error', reject);
  });
  tar.pipe(gzip);
  const mtime = new Date();
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) =>
      tar.entry({ name: `poa-desk-export/${entry.name}`, size: entry.data.length, mtime, mode: 0o644 }, entry.data, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }
  tar.finalize();
  return done;
}
