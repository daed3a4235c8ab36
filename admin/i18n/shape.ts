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

type MessageTree = { [key: string]: unknown };
const isTree = (value: unknown): value is MessageTree => typeof value === 'object' && value !== null && !Array.isArray(value);

const mergeInto = (target: MessageTree, source: MessageTree): MessageTree => {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const current = target[key];
    target[key] = isTree(value) ? mergeInto(isTree(current) ? { ...current } : {}, value) : value;
  }
  return target;
};

/**
 * Message trees merged deeply, later ones winning, like react-admin's mergeTranslations but
 * without lodash: the messages are part of the login page, which is kept small.
 */
export const mergeMessages = <T>(...trees: object[]): T =>
  trees.reduce<MessageTree>((merged, tree) => mergeInto(merged, tree as MessageTree), {}) as T;
