export * from './lib/locale';
export * from './lib/institution';
export * from './lib/plan';
export * from './lib/errors';
export * from './lib/auth';
export * from './lib/officers';
