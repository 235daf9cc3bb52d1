// The QR code made at build time from TALK_URL (vite/talk-qr.ts); null without it.
declare module 'virtual:talk-qr' {
  import type { TalkQr } from '../vite/talk-qr.ts'
  const qr: TalkQr | null
  export default qr
}
