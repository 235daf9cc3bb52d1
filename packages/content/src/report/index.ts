/**
 * How problems are reported: vfile messages with a rule id and a place, and the
 * `GuideError` a page that does not parse rejects with.
 */
export { fail, hasErrors, messageSource, warn } from './messages.js'
export { GuideError } from './guide-error.js'
