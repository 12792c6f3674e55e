export * from './lib/registry.routes';
export * from './lib/shared/institution-picker';
