// Secondary entry point: chart.js travels only with the pages that import this.
export * from './lib/chart/bar-chart-config';
export * from './lib/chart/bar-chart';
export * from './lib/chart/line-chart-config';
export * from './lib/chart/line-chart';
