// For type-checking setup/main.ts, which imports the built stylesheet (Slidev's Vite loads it).
declare module '*.css' {}
