// madge ships no types; the part of its API the folder-cycle check uses.
declare module 'madge' {
  interface MadgeResult {
    obj(): Record<string, string[]>;
  }
  interface MadgeOptions {
    fileExtensions?: string[];
    tsConfig?: string;
    excludeRegExp?: RegExp[];
  }
  export default function madge(path: string, options?: MadgeOptions): Promise<MadgeResult>;
}
