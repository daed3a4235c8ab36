import { localStorageStore } from 'react-admin';

/**
 * react-admin's store (preferences such as the language), shared with the login page, which
 * writes the language chosen there before the console loads.
 */
export const store = localStorageStore();
