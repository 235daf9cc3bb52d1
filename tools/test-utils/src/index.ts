export { chromiumArgs, chromiumPath, launchChromium } from './chromium.ts'
export { cleanEnv, type CleanEnvOptions } from './env.ts'
export { freePort, serveStatic, type StaticServer } from './static-server.ts'
export { startProcess, waitForUrl, type RunningProcess } from './process.ts'
