// For type-checking the client scripts only (jsconfig.json): the view model every client file sees.
declare const VM: any;
