import { jestPatternArgs, type RunOptions } from '../args';
import type { Counts } from '../counts';
import { runJest } from '../run-jest';

export function runUnitTier(options: RunOptions): Promise<Counts> {
  return runJest('jest.unit.config.js', process.env, jestPatternArgs(options));
}
