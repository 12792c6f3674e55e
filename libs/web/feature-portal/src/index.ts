export * from './lib/portal.routes';
