// The components slides.md uses, for vue-tsc: Slidev registers `components/*.vue` by
// itself, the addon registers @ai-engineer/components (whose types declare their own
// global names). A test checks that every file of `components/` is listed here.
import type {} from '@ai-engineer/components'
import type GuideCredit from '../components/GuideCredit.vue'
import type GuideList from '../components/GuideList.vue'
import type GuideTerm from '../components/GuideTerm.vue'
import type SectionEmoji from '../components/SectionEmoji.vue'
import type TalkFigure from '../components/TalkFigure.vue'
import type TalkFooter from '../components/TalkFooter.vue'
import type TalkQr from '../components/TalkQr.vue'
import type TalkSlide from '../components/TalkSlide.vue'
import type TalkTitle from '../components/TalkTitle.vue'

declare module 'vue' {
  interface GlobalComponents {
    GuideCredit: typeof GuideCredit
    GuideList: typeof GuideList
    GuideTerm: typeof GuideTerm
    SectionEmoji: typeof SectionEmoji
    TalkFigure: typeof TalkFigure
    TalkFooter: typeof TalkFooter
    TalkQr: typeof TalkQr
    TalkSlide: typeof TalkSlide
    TalkTitle: typeof TalkTitle
  }
}
