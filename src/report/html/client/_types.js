// @ts-check
// For type-checking only (jsconfig.json), never inlined: at run time `VM` is the parameter of the
// function the client files are wrapped in (see render-html.ts).
/** @type {any} */
var VM; // eslint-disable-line no-var
