import * as fs from 'fs';
import MarkdownIt from 'markdown-it';
import * as path from 'path';

/**
 * The site baseline, run as its own process: walks the given folder, reads
 * every Markdown file and renders it with markdown-it (as `lodestar site`
 * configures it: raw HTML escaped), then prints how many characters of HTML
 * it made. The part of `lodestar site build` nothing can skip; it indexes
 * nothing, makes no pages around the bodies and writes no files.
 */
function main(root: string): void {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.md$/i.test(e.name)) files.push(full);
    }
  };
  walk(root);
  const md = new MarkdownIt({ html: false });
  let total = 0;
  for (const f of files) total += md.render(fs.readFileSync(f, 'utf8')).length;
  process.stdout.write(`${files.length} files, ${total} characters of HTML\n`);
}

main(process.argv[2]);
