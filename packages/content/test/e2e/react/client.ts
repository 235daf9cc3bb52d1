// The browser half: hydrate the server's markup, collecting React's recoverable errors.
import { hydrateRoot } from 'react-dom/client'
import { app } from './app.ts'

const errors: string[] = []
;(window as { hydrationErrors?: string[] }).hydrationErrors = errors
hydrateRoot(document.getElementById('root')!, app(), {
  onRecoverableError: (error) => errors.push(String(error)),
})
