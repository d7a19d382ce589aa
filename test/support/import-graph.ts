import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** One module importing another, both as paths from the tree's root ("src/domain/offer.ts"). */
export interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const asPosix = (path: string) => path.split(sep).join(posix.sep);

/**
 * The project's own imports under `root/src`, as TypeScript's own pre-parser reads them (static
 * imports, `import type`, re-exports and `import()`); packages are left out. NodeNext writes a
 * `.ts` module's import as `.js`.
 */
export function importEdges(root: string): Edge[] {
  return sourceFiles(join(root, 'src')).flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return importedFiles
      .filter((imported) => imported.fileName.startsWith('.'))
      .map((imported) => ({
        from: asPosix(relative(root, file)),
        to: asPosix(relative(root, join(dirname(file), imported.fileName.replace(/\.js$/, '.ts')))),
      }));
  });
}

/** A rule of the layers: modules under `layers` never import what `forbids` says. */
export interface LayerRule {
  layers: string[];
  forbids: (target: string) => boolean;
  why: string;
}

const inside = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** Every import that breaks a rule, as "from → to: why". */
export function layerViolations(edges: Edge[], rules: LayerRule[]): string[] {
  return edges.flatMap((edge) =>
    rules.filter((rule) => rule.layers.some((layer) => inside(edge.from, layer)) && rule.forbids(edge.to)).map((rule) => `${edge.from} → ${edge.to}: ${rule.why}`),
  );
}
