import type { EntityManager } from 'typeorm';
import { AppSetting } from '../settings/app-setting.entity';

/** A deterministic number in [0, 1) from a string, so the demo looks the same everywhere. */
export function demoUnit(seed: string): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 10_000) / 10_000;
}

/**
 * Records that one part of the demo was loaded, in the caller's transaction; false when it
 * already was. A lock-free check is enough: the key's primary key makes a concurrent second
 * load fail and roll back.
 */
export async function markDemoLoaded(
  manager: EntityManager,
  key: string,
  value: Record<string, unknown>,
): Promise<boolean> {
  if (await isDemoLoaded(manager, key)) return false;
  await manager.getRepository(AppSetting).insert({ key, value });
  return true;
}

export async function isDemoLoaded(manager: EntityManager, key: string): Promise<boolean> {
  return manager.getRepository(AppSetting).existsBy({ key });
}
