import { ENUMS, type EnumName } from '../server/domain/enums';

export { ENUMS, type EnumMessages, type EnumName } from '../server/domain/enums';

/** react-admin choices whose names are translation keys (Select* translate them). */
export const choicesFor = (enumName: EnumName) => ENUMS[enumName].map((value) => ({ id: value, name: `enums.${enumName}.${value}` }));
