/**
 * Where the reading view draws a relation: an arc under the text from the middle of the source's
 * box to the middle of the target's, deeper the further apart they are, its label at the arc's
 * lowest point and an arrowhead where it meets the target. Computed from the boxes the browser
 * measured, so it is right in right-to-left and mixed runs alike; only the text's boxes decide.
 */

/** A box in the paragraph's coordinates (pixels from its top left corner). */
export interface ArcBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface ArcGeometry {
  /** SVG path data of the arc. */
  readonly path: string;
  /** SVG points of the arrowhead, or undefined for a symmetric relation. */
  readonly arrow?: string;
  /** Where the label's middle goes. */
  readonly labelX: number;
  readonly labelY: number;
}

const MIN_DEPTH = 9;
const MAX_DEPTH = 26;

/** The arc from one box to another; `gap` is how far below a box the arc starts (its outset). */
export function arcGeometry(from: ArcBox, to: ArcBox, symmetric: boolean, gap = 2): ArcGeometry {
  const x1 = round(from.left + from.width / 2);
  const y1 = round(from.top + from.height + gap);
  const x2 = round(to.left + to.width / 2);
  const y2 = round(to.top + to.height + gap);
  const depth = round(Math.min(MAX_DEPTH, MIN_DEPTH + Math.abs(x2 - x1) * 0.06 + Math.abs(y2 - y1) * 0.25));
  // Control points straight below each end: the arc leaves and meets the boxes vertically.
  const path = `M${x1} ${y1} C${x1} ${round(y1 + depth)} ${x2} ${round(y2 + depth)} ${x2} ${y2}`;
  // A cubic Bézier at t = 1/2: the mean of the ends and the controls, weighted 1 3 3 1.
  const labelX = round((x1 + x2) / 2);
  const labelY = round((y1 + y2) / 2 + 0.75 * depth);
  if (symmetric) return { path, labelX, labelY };
  return { path, arrow: `${x2},${y2} ${round(x2 - 3.5)},${round(y2 + 6)} ${round(x2 + 3.5)},${round(y2 + 6)}`, labelX, labelY };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
