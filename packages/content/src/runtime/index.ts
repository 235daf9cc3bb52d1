/**
 * What runs in a consumer's app, with no parser: the API over a compiled guide
 * (`guideModule`) and the URL allow-list. The main entry, the module the Vite
 * plugin serves and the parser's URL checks all stand on it.
 */
export { guideModule, type GuideData, type GuideModule, type PageData } from './module.js'
export { isSafeUrl, safeProtocols } from './safe-url.js'
