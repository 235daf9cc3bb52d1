export { chromiumArgs, chromiumPath, launchChromium } from './chromium.ts'
export { cleanEnv, type CleanEnvOptions } from './env.ts'
export { freePort, serveStatic, type StaticServer } from './static-server.ts'
export { buildStockDeck, stockSlides, type StockDeckOptions } from './stock-deck.ts'
