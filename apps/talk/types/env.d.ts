// Stylesheets are imported for their side effects (styles/index.ts).
declare module '*.css'
