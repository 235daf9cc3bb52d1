/**
 * What runs in a consumer's app, with no parser: the API over a compiled guide
 * (`guideModule`), the URLs of pages and of links between them, and the URL
 * allow-list. The main entry, the module the Vite plugin serves, `build`'s output and
 * the parser's URL checks all stand on it.
 */
export {
  guideModule,
  lazyGuideModule,
  type GuideData,
  type GuideModule,
  type IdsByPage,
  type LazyGuideModule,
  type PageData,
  type PageLoader,
} from './module.js'
export { pageUrl, relativeLinkUrl, type LinkUrl, type LinkUrlContext } from './links.js'
export { isSafeUrl, safeProtocols } from './safe-url.js'
export { eachNode, figuresOf, hasNode, someText } from './walk.js'
