import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { talkQr, talkUrl } from '../vite/talk-qr.ts'

/** Paint a QR path (`M x y h… v1 h… z` runs) into RGBA pixels, `scale` pixels a module. */
function paint(path: string, size: number, scale: number): Uint8ClampedArray {
  const width = size * scale
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255)
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < Number(run) * scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4
        pixels.fill(0, at, at + 3)
      }
    }
  }
  return pixels
}

describe('TALK_URL', () => {
  it('should be absent when unset or empty', () => {
    expect(talkUrl(undefined)).toBeUndefined()
    expect(talkUrl('  ')).toBeUndefined()
  })

  it('should accept https: and http://127.0.0.1 only', () => {
    expect(talkUrl('https://owner.github.io/repo/')?.href).toBe('https://owner.github.io/repo/')
    expect(talkUrl('http://127.0.0.1:4173/')?.href).toBe('http://127.0.0.1:4173/')
    for (const bad of [
      'http://owner.github.io/',
      'http://localhost/',
      'javascript:alert(1)',
      '/x',
    ]) {
      expect(() => talkUrl(bad), bad).toThrow(/^TALK_URL must be an https: URL/)
    }
  })

  it('should encode the URL as a QR path that decodes back to it', () => {
    const url = 'https://owner.github.io/ai-engineer/'
    const qr = talkQr(new URL(url))
    expect(qr.short).toBe('owner.github.io/ai-engineer')
    const scale = 8
    const decoded = jsQR(paint(qr.path, qr.size, scale), qr.size * scale, qr.size * scale)
    expect(decoded?.data).toBe(url)
  })
})
