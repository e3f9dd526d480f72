import * as fs from 'fs';
import * as path from 'path';

/**
 * The index baseline, run as its own process: walks the given folders and
 * reads every file, one after the other, then prints how many bytes it read.
 * The simplest program doing the part of `lodestar index` nothing can skip;
 * on a local disk, plain blocking reads are the fastest way Node has to do it
 * (faster than many reads in flight on the thread pool).
 */
function main(folders: string[]): void {
  let files = 0;
  let total = 0;
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        total += fs.readFileSync(p).length;
        files++;
      }
    }
  };
  folders.forEach(walk);
  process.stdout.write(`${files} files, ${total} bytes\n`);
}

main(process.argv.slice(2));
