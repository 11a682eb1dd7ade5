// The style the code was written in before a formatter held it: single quotes, semicolons, trailing
// commas, and long lines (measured: 200 columns reformats the fewest files of 120..240).
/** @type {import('prettier').Config} */
export default {
  printWidth: 200,
  singleQuote: true,
  // HTML and CSS inside template strings are page output (local-site); reflowing them would change what is served.
  embeddedLanguageFormatting: 'off',
};
