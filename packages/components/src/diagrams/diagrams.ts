import type { FigureId } from '@ai-engineer/content'
import type { Component } from 'vue'
import HiddenDebtDiagram from './HiddenDebtDiagram.vue'
import LifecycleDiagram from './LifecycleDiagram.vue'

/** The native diagram drawn for a figure of the guide, by figure id. */
export const figureDiagrams: Readonly<Partial<Record<FigureId, Component>>> = {
  'technical-debt': HiddenDebtDiagram,
  'cd4ml-end-to-end': LifecycleDiagram,
}

/** The diagram for the figure with this id, if we drew one. */
export function diagramFor(id: string): Component | undefined {
  return Object.hasOwn(figureDiagrams, id) ? figureDiagrams[id as FigureId] : undefined
}
