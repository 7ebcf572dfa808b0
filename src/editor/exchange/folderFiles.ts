import * as vscode from 'vscode';

/**
 * Every file under a folder, depth first, through `workspace.fs` so remote and virtual
 * workspaces work. Dot-folders and node_modules are skipped, as the command line does; the
 * result is in path order, the order exports write documents in and CoNLL imports read them.
 */
export async function filesUnder(folder: vscode.Uri, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const visit = async (dir: vscode.Uri): Promise<void> => {
    if (token?.isCancellationRequested) return;
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) await visit(child);
      else if (type & vscode.FileType.File) found.push(child);
    }
  };
  await visit(folder);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `uri` relative to `folder` with forward slashes, or undefined when it is not inside it. */
export function pathInFolder(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) && uri.path.length > base.length ? uri.path.slice(base.length) : undefined;
}

export async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/** The deepest folder holding all the given folders (same scheme and authority), else the first. */
export function commonFolder(folders: readonly vscode.Uri[]): vscode.Uri | undefined {
  const [first] = folders;
  if (!first) return undefined;
  let parts = first.path.split('/');
  for (const f of folders) {
    if (f.scheme !== first.scheme || f.authority !== first.authority) return first;
    const other = f.path.split('/');
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return first.with({ path: parts.join('/') || '/' });
}
