/**
 * A guide as a whole, across its pages: the literal id unions generated from it.
 */
export { duplicateId, guideIds, idTypes, type GuideIds } from './ids.js'
