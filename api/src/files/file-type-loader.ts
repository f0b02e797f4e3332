/** `file-type` is ESM-only, and this api compiles to CommonJS: loaded once, by a real dynamic `import()`. */
export type FileTypeModule = typeof import('file-type');

// `new Function` keeps TypeScript from turning `import()` into `require()`; the code is a constant, not user input.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('m', 'return import(m)') as (specifier: string) => Promise<FileTypeModule>;

let loaded: Promise<FileTypeModule> | undefined;

export function loadFileType(): Promise<FileTypeModule> {
  loaded ??= importEsm('file-type').catch((error: unknown) => {
    // Under jest (no --experimental-vm-modules) a dynamic import cannot run; jest's own require transforms the ESM
    // package instead (jest.config.js maps and transforms it).
    if (process.env.JEST_WORKER_ID !== undefined) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('file-type') as FileTypeModule;
    }
    throw error;
  });
  return loaded;
}
