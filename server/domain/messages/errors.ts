export { en_errors } from './en_errors.js';
export { type ErrorKey, ja_errors } from './ja_errors.js';
