import type { Counts } from '../counts';
import { runJest } from '../run-jest';

export function runUnitTier(): Promise<Counts> {
  return runJest('jest.unit.config.js', process.env);
}
