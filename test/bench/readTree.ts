import * as fs from 'fs';
import * as path from 'path';

/**
 * The index baseline, run as its own process: walks the given folders and
 * reads every file (64 reads in flight), then prints how many bytes it read.
 * The simplest program doing the part of `lodestar index` nothing can skip.
 */
async function main(folders: string[]): Promise<void> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    await Promise.all(entries.map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : (files.push(path.join(dir, e.name)), undefined))));
  };
  await Promise.all(folders.map(walk));
  let total = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const bytes = await fs.promises.readFile(files[next++]);
      total += bytes.length;
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  process.stdout.write(`${files.length} files, ${total} bytes\n`);
}

void main(process.argv.slice(2));
