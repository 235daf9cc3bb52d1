// The deck's own theme on top of Slidev's default (loaded by Slidev from `styles/`).
// Fonts come from npm and are served by the deck itself: no font CDN (CONTRIBUTING.md, "Toolchain").
import '@fontsource-variable/inter'
import '@fontsource-variable/jetbrains-mono'
import './theme.css'
