export * from './lib/metrics.routes';
