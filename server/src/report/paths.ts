/**
 * How a report shows and links files: relative to a folder (the CLI's working directory or the
 * folder of the file it writes), or as absolute file URIs (the editor's preview of an unsaved
 * report, which has no folder of its own). Links end in `#L<line>`, which VS Code's Markdown
 * preview and GitHub both read as a line.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PathStyle {
  show(file: string): string;
  link(file: string, line: number): string;
}

function slashed(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** Paths shown relative to `showBase` (absolute when outside it, as the lint output shows them), linked relative to `linkBase`. */
export function relativeTo(showBase: string, linkBase = showBase): PathStyle {
  return {
    show: (file) => {
      const shown = slashed(path.relative(showBase, file));
      return shown === '' || shown.startsWith('..') ? slashed(file) : shown;
    },
    link: (file, line) => `${slashed(path.relative(linkBase, file)).split('/').map(encodeURIComponent).join('/')}#L${line}`,
  };
}

/** Paths shown relative to `displayBase`, linked as `file://` URIs. */
export function fileUris(displayBase: string): PathStyle {
  return { show: relativeTo(displayBase).show, link: (file, line) => `${pathToFileURL(file).href}#L${line}` };
}
