import { ENUMS, type EnumName } from '../server/domain/enums';

export { ENUMS, type EnumMessages, type EnumName } from '../server/domain/enums';

/** react-admin choices whose names are translation keys (Select* translate them). */
export const choicesFor = (enum_name: EnumName) =>
  ENUMS[enum_name].map((value) => ({ id: value, name: `enums.${enum_name}.${value}` }));
