import * as vscode from 'vscode';
import { FORMATS } from '../../core/formats/formatRegistry';
import type { LabelDefinition } from '../../core/model/labels';
import type { CountedDocument, WorkspaceStatistics } from '../../core/stats/workspaceStatistics';
import { countStatistics } from '../../core/stats/workspaceStatistics';
import { currentProject, projectSettled, readSettings } from '../settings';
import { assignmentProgress } from '../../core/project/assignmentProgress';
import type { AnnotatorProgress } from '../../core/project/assignmentProgress';
import type { SidecarIndex } from '../index/sidecarIndex';
import { sidecarUriFor } from '../sidecarFiles';
import { pathInFolder } from '../exchange/folderFiles';
import { INDEX_EXCLUDED_FOLDERS } from '../../core/index/sidecarNamePattern';
import type { WorkspaceOverview } from '../explorer/workspaceAnnotations';
import type { HostReads } from '../files/hostReads';
import picomatch from 'picomatch/posix';

/** Texts beyond this many are not counted as documents (their sidecars still are). */
const MAX_TEXTS = 20_000;

/** The figures and, for each document in them, the URI to open when it is clicked. */
export interface CollectedStatistics {
  readonly statistics: WorkspaceStatistics;
  readonly uris: ReadonlyMap<string, vscode.Uri>;
  /** Per annotator, the texts the project assigns them and how many are done; empty without assignments. */
  readonly progress: readonly AnnotatorProgress[];
}

/**
 * The workspace's figures: every text matching `tawsim.files` (outside the folders the sidecar
 * index leaves out) is a document (so progress counts
 * the ones nobody has annotated yet), plus any text that has a sidecar. Copies Tawsim exported
 * into `export/<format>` are not documents of the corpus and are left out.
 */
export async function collectStatistics(
  overviewOrPending: WorkspaceOverview | Promise<WorkspaceOverview>,
  labels: readonly LabelDefinition[],
  sources: { readonly index?: SidecarIndex; readonly reads?: HostReads } = {},
): Promise<CollectedStatistics> {
  const { index, reads } = sources;
  // The texts are listed while the overview is still being made.
  const texts = annotatableTexts(reads);
  const overview = await overviewOrPending;
  const docs = new Map<string, { uri: vscode.Uri; sets: CountedDocument['sets'][number][] }>();
  const add = (uri: vscode.Uri): { uri: vscode.Uri; sets: CountedDocument['sets'][number][] } => {
    const key = uri.toString();
    let doc = docs.get(key);
    if (!doc) {
      doc = { uri, sets: [] };
      docs.set(key, doc);
    }
    return doc;
  };
  for (const uri of await texts) add(uri);
  // The index's tallies: counting reads no sidecar.
  for (const s of overview.sidecars) add(s.textUri).sets.push({ annotator: s.annotator, gold: s.gold, tally: s.tally });
  const relative = relativePaths();
  const uris = new Map<string, vscode.Uri>();
  const documents: CountedDocument[] = [...docs.values()].map((d) => {
    const path = relative(d.uri);
    uris.set(path, d.uri);
    return { path, sets: d.sets };
  });
  return { statistics: countStatistics({ documents, labelOrder: labels.map((l) => l.id) }), uris, progress: index ? await progressOf(docs, index) : [] };
}

/**
 * `asRelativePath` for every document at once: `pathInFolder` under the deepest folder holding the
 * URI (as the API picks it), the API itself otherwise. Asking the API ten thousand times costs the
 * Statistics page a tenth of a second.
 */
function relativePaths(): (uri: vscode.Uri) => string {
  const all = vscode.workspace.workspaceFolders ?? [];
  const several = all.length > 1;
  const deepestFirst = [...all].sort((a, b) => b.uri.path.length - a.uri.path.length);
  return (uri) => {
    for (const folder of deepestFirst) {
      const inside = pathInFolder(folder.uri, uri);
      if (inside !== undefined) return several ? `${folder.name}/${inside}` : inside;
    }
    return vscode.workspace.asRelativePath(uri, several);
  };
}

/** Progress against the project's assignments, which are relative to the first folder (where the project file is). */
async function progressOf(docs: ReadonlyMap<string, { uri: vscode.Uri }>, index: SidecarIndex): Promise<AnnotatorProgress[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  await projectSettled();
  const project = currentProject();
  if (!folder || !project) return [];
  // The statuses the overview was made from: on a warm start the cache's, at once; the page is
  // drawn again when the index has checked the workspace, as the views are.
  await index.knownSidecars();
  const settings = readSettings(folder.uri);
  const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  const byPath = new Map<string, vscode.Uri>();
  for (const { uri } of docs.values()) if (uri.path.startsWith(root)) byPath.set(uri.path.slice(root.length), uri);
  return assignmentProgress([...byPath.keys()], project, (annotator, path) => {
    const summary = index.summary(sidecarUriFor(byPath.get(path) as vscode.Uri, annotator, settings.sidecarPattern));
    return summary ? (summary.status ?? 'in-progress') : undefined;
  });
}

async function annotatableTexts(reads: HostReads | undefined): Promise<vscode.Uri[]> {
  const patterns = readSettings().files;
  const exportFolders = FORMATS.map((f) => `**/export/${f.id}/**`);
  const found = new Map<string, vscode.Uri>();
  // Where the host walks folders itself (Node's fs), that is tens of times quicker than file search
  // and matches the same paths: globs relative to each folder, dot files included, as search does.
  const isText = picomatch([...patterns], { dot: true });
  const isExported = picomatch(exportFolders, { dot: true });
  let search = false;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const walked = reads
      ? await reads.list(
          folder.uri,
          (path) => isText(path) && !isExported(path),
          (name) => INDEX_EXCLUDED_FOLDERS.includes(name),
        )
      : undefined;
    if (walked) for (const uri of walked.slice(0, MAX_TEXTS)) found.set(uri.toString(), uri);
    else search = true;
  }
  if (!search) return [...found.values()];
  // Search globs allow no nested braces, so each export folder is its own alternative.
  const exclude = `{${INDEX_EXCLUDED_FOLDERS.map((f) => `**/${f}/**`).join(',')},${exportFolders.join(',')}}`;
  for (const pattern of patterns) {
    try {
      for (const uri of await vscode.workspace.findFiles(pattern, exclude, MAX_TEXTS)) found.set(uri.toString(), uri);
    } catch {
      // A pattern the host cannot search (a virtual file system without search): count what has sidecars.
    }
  }
  return [...found.values()];
}
