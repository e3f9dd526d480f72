import { RecordIndex } from '../../src/core/index/recordIndex';
import { DEFAULT_SETTINGS, LodestarSettings } from '../../src/core/index/recordFolders';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { toPortPath } from '../../src/core/store/fileSystem';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';

/** A folder of files, indexed with the real Node file system. */
export async function indexOf(
  files: Record<string, string | Uint8Array>,
  settings: Partial<LodestarSettings> = {},
): Promise<{ root: string; index: RecordIndex }> {
  const root = makeTempDir();
  writeFiles(root, files);
  const index = new RecordIndex(new NodeFileSystem(), toPortPath(root), { ...DEFAULT_SETTINGS, ...settings });
  await index.build();
  return { root, index };
}

export function byName(index: RecordIndex, name: string) {
  const r = index.records().find((x) => x.path.endsWith(`/${name}`));
  if (!r)
    throw new Error(
      `no record ${name}; have ${index
        .records()
        .map((x) => x.path)
        .join(', ')}`,
    );
  return r;
}
