import type { AppConfig } from '@poa/config';

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
}

/** Placeholder until the cases module lands: replaced by the full demo agency. */
export async function seedDemo(_config: AppConfig): Promise<DemoLogin[]> {
  return [];
}
