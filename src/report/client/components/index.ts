// The reusable page components, for the HTML report and any other page we ship (dashboard, load
// test view). Nothing here knows the report's view model.
export * from './dom';
export * from './route';
export * from './router';
export * from './format';
export * from './widgets';
export * from './charts';
export * from './sparkline';
export * from './virtual-table';
export * from './filtered-table';
export * from './theme';
export * from './shell';
export * from './data-block';
