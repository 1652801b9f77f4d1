export type Log = (message: string) => void;

export const defaultLog: Log = (message) => process.stderr.write(`[services] ${message}\n`);
