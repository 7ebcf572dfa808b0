/**
 * Whether a path relative to a folder matches one of the `tawsim.files` glob patterns. Supports
 * what those settings use: `**`, `*`, `?`, `{a,b}` and `[abc]`. A pattern without a slash also
 * matches a file's name in any folder, as people mean by `*.txt`.
 */
export function matchesFilePatterns(relativePath: string, patterns: readonly string[]): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return patterns.some((p) => {
    const re = globToRegExp(p.replace(/^\.\//, ''));
    return re.test(relativePath) || (!p.includes('/') && re.test(name));
  });
}

const cache = new Map<string, RegExp>();

function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      // `**/` is zero or more folders; a final `**` is anything.
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else {
        re += '.*';
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if (c === '[' && glob.indexOf(']', i + 1) > i + 1) {
      const end = glob.indexOf(']', i + 1);
      const set = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
      re += `[${set.startsWith('!') ? `^${set.slice(1)}` : set}]`;
      i = end;
    } else re += c.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
  }
  const compiled = new RegExp(`^${re}${')'.repeat(braces)}$`, 'u');
  cache.set(glob, compiled);
  return compiled;
}
