// Data contracts, all in one place. See docs/json-schema.md for the published schema.
export * from './run-record';
export * from './metrics';
export * from './attachment';
export * from './analysis';
export * from './sections';
export * from './history';
export * from './optimize';
export * from './shard';
export * from './report';
export * from './options';
export * from './export';
export * from './api';
export * from './load';
