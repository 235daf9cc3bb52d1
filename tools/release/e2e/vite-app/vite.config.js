import vue from '@vitejs/plugin-vue'
import { guides } from '@ai-engineer/content/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [vue(), guides({ dir: 'docs' })],
})
