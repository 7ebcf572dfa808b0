/**
 * One agreement figure. An undefined value (0/0, or chance agreement of 1) is `null` with a reason,
 * never NaN, so JSON stays valid and a reader learns why.
 */
export interface Figure {
  readonly value: number | null;
  /** How many items the figure rests on, in `unit`. */
  readonly items: number;
  readonly unit: 'tokens' | 'spans';
  readonly reason?: string;
}

export function defined(value: number, items: number, unit: Figure['unit']): Figure {
  return { value, items, unit };
}

export function undefinedFigure(reason: string, items: number, unit: Figure['unit']): Figure {
  return { value: null, items, unit, reason };
}

/** `numerator / denominator`, or null with the reason when the denominator is 0. */
export function ratio(numerator: number, denominator: number, items: number, unit: Figure['unit'], reason: string): Figure {
  return denominator === 0 ? undefinedFigure(reason, items, unit) : defined(numerator / denominator, items, unit);
}
