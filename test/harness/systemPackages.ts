// The Debian packages the real-VS Code tiers need: a browser to drive the workbench, and what code-server's install builds with.
import * as fs from 'fs';
import { commandPath, run } from './processes';
import { step } from './progress';

interface Requirement {
  debianPackage: string;
  why: string;
  present: () => boolean;
}

const requirements: Requirement[] = [
  { debianPackage: 'chromium', why: 'headless browser that shows the VS Code workbench', present: () => !!chromiumPath() },
  { debianPackage: 'ripgrep', why: "rg binary for code-server's @vscode/ripgrep (it cannot download it offline)", present: () => !!commandPath('rg') },
  {
    debianPackage: 'libkrb5-dev',
    why: "gssapi/gssapi.h for code-server's kerberos native module",
    present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') || fs.existsSync('/usr/include/x86_64-linux-gnu/gssapi/gssapi.h'),
  },
];

/** The Chromium binary: $LODESTAR_CHROMIUM, else Debian's `chromium` on PATH. */
export function chromiumPath(): string | undefined {
  return process.env.LODESTAR_CHROMIUM || commandPath('chromium');
}

/** Installs missing packages with apt-get when running as root; otherwise says exactly what to install and throws. */
export async function ensureSystemPackages(): Promise<void> {
  const missing = requirements.filter((requirement) => !requirement.present());
  if (missing.length === 0) return;
  const names = missing.map((requirement) => requirement.debianPackage);
  for (const requirement of missing) step(`missing Debian package ${requirement.debianPackage}: ${requirement.why}`);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !commandPath('apt-get')) {
    throw new Error(
      `missing system packages: ${names.join(' ')}. Install them and run again:\n` + `  sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`,
    );
  }
  step('apt-get update');
  if ((await run('apt-get', ['update'])) !== 0) throw new Error('apt-get update failed (see its output above)');
  step(`apt-get install -y ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['install', '-y', ...names], { env })) !== 0) {
    throw new Error(`apt-get install ${names.join(' ')} failed (see its output above)`);
  }
  const stillMissing = requirements.filter((requirement) => !requirement.present()).map((requirement) => requirement.debianPackage);
  if (stillMissing.length > 0) throw new Error(`still missing after apt-get install: ${stillMissing.join(' ')}`);
}
