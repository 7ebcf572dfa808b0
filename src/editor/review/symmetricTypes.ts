import type { Services } from '../services';

/** Whether a relation type reads both ways, by the project's schema as it is now. */
export function symmetricTypes(services: Services): (type: string) => boolean {
  const symmetric = new Set(
    services
      .schema()
      .relationTypes.filter((t) => t.symmetric)
      .map((t) => t.id),
  );
  return (type) => symmetric.has(type);
}
