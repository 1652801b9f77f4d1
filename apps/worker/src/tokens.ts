export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const FILE_STORAGE = Symbol('FILE_STORAGE');
export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');
