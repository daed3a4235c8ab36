export type { SameKeys } from '../../server/domain/messages/same-keys';

/**
 * Vite 8 may hand a CommonJS module's namespace wrapped once or twice in `default`; without
 * unwrapping, the messages silently become undefined and the console stays in English.
 */
export const unwrapDefault = <T extends object>(module: unknown, has_key: keyof T): T => {
  let value = module as Record<string, unknown> | undefined;
  for (let depth = 0; value && depth < 3; depth += 1) {
    if (has_key in value) return value as T;
    value = value.default as Record<string, unknown> | undefined;
  }
  throw new Error(`Translation module without "${String(has_key)}"`);
};
