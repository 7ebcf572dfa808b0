/** A label chip that wants to sit above a visual line, its start edge at `anchor` (pixels). */
export interface ChipRequest {
  readonly anchor: number;
  readonly width: number;
}

export interface ChipPlace {
  /** Left edge in pixels. */
  readonly left: number;
  /** 0 for the row just above the line; chips that did not fit go one row higher. */
  readonly tier: number;
}

/** Chips that do not fit on the highest tier overlap there rather than climb further. */
const MAX_TIER = 2;

/**
 * Places the chips of one visual line so that none covers another. In right-to-left text a chip's
 * anchor is its right edge (the start of its span) and chips give way leftwards, in the reading
 * direction; in left-to-right text the mirror image. A chip pushed past the line's far edge goes to
 * the next tier up. Returns one place per request, in the order given.
 */
export function placeChips(requests: readonly ChipRequest[], lineWidth: number, direction: 'rtl' | 'ltr', gap = 2): ChipPlace[] {
  const rtl = direction === 'rtl';
  const order = requests
    .map((_, i) => i)
    .sort((a, b) => {
      const d = (requests[b] as ChipRequest).anchor - (requests[a] as ChipRequest).anchor;
      return (rtl ? d : -d) || a - b;
    });
  const places = new Array<ChipPlace>(requests.length);
  const clamp = (left: number, width: number): number => Math.max(0, Math.min(left, lineWidth - width));
  /** Per tier, the far edge of the last chip placed there. */
  const edges: number[] = [];
  for (const i of order) {
    const r = requests[i] as ChipRequest;
    for (let tier = 0; ; tier++) {
      const edge = edges[tier];
      let left = clamp(rtl ? r.anchor - r.width : r.anchor, r.width);
      if (edge !== undefined) {
        if (rtl && left + r.width > edge - gap) left = edge - gap - r.width;
        if (!rtl && left < edge + gap) left = edge + gap;
      }
      const fits = left >= 0 && left + r.width <= lineWidth;
      if (fits || tier >= MAX_TIER) {
        const placed = clamp(left, r.width);
        places[i] = { left: placed, tier };
        edges[tier] = rtl ? placed : placed + r.width;
        break;
      }
    }
  }
  return places;
}
