import { badRequest, KvsCode } from './errors';

export type AttributeType = 'string' | 'boolean' | 'float' | 'integer' | 'any';

export interface EntityIndex {
  name: string;
  /** Attributes whose values a query must name exactly (`.index(name, { partition: [...] })`). */
  partition: string[];
  /** Attributes the index is sorted by; `where()` conditions apply to the first. */
  range: string[];
}

/** One custom entity from manifest.yml `app.storage.entities`. */
export interface EntitySchema {
  name: string;
  attributes: Map<string, AttributeType>;
  indexes: Map<string, EntityIndex>;
}

const TYPES = new Set<AttributeType>(['string', 'boolean', 'float', 'integer', 'any']);
type Loose = Record<string, unknown>;

/**
 * Reads `app.storage.entities` as @forge/manifest's schema defines it (AppSchema.storage.entities): an
 * index is either an attribute name (an index of that name ranging over it) or `{ name, range, partition? }`.
 * Mistakes a deploy would refuse are refused here, naming the entity.
 */
export function parseEntities(app: Loose): EntitySchema[] {
  const storage = (app['storage'] ?? {}) as Loose;
  const list = storage['entities'];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error('manifest.yml: app.storage.entities must be a list');
  return list.map((raw: Loose) => {
    const name = raw['name'];
    if (typeof name !== 'string') throw new Error('manifest.yml: an entity in app.storage.entities has no name');
    const attributes = new Map<string, AttributeType>();
    for (const [attr, def] of Object.entries((raw['attributes'] ?? {}) as Record<string, Loose>)) {
      const type = def?.['type'] as AttributeType;
      if (!TYPES.has(type)) throw new Error(`manifest.yml: entity '${name}' attribute '${attr}' has type '${String(type)}' (one of ${[...TYPES].join(', ')})`);
      attributes.set(attr, type);
    }
    const indexes = new Map<string, EntityIndex>();
    for (const idx of (raw['indexes'] ?? []) as unknown[]) {
      const index: EntityIndex =
        typeof idx === 'string'
          ? { name: idx, partition: [], range: [idx] }
          : { name: String((idx as Loose)['name']), partition: ((idx as Loose)['partition'] ?? []) as string[], range: ((idx as Loose)['range'] ?? []) as string[] };
      for (const attr of [...index.partition, ...index.range]) {
        if (!attributes.has(attr)) throw new Error(`manifest.yml: entity '${name}' index '${index.name}' uses attribute '${attr}', which the entity does not declare`);
      }
      if (index.range.length === 0) throw new Error(`manifest.yml: entity '${name}' index '${index.name}' has no range attribute`);
      indexes.set(index.name, index);
    }
    return { name, attributes, indexes };
  });
}

function fits(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'any':
      return true;
  }
}

/** An entity value is an object whose every attribute is declared and of its declared type. */
export function checkEntityValue(schema: EntitySchema, key: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(KvsCode.INVALID_ENTITY_VALUE, `The value of entity '${schema.name}' key '${key}' must be an object of its attributes.`);
  }
  for (const [attr, v] of Object.entries(value)) {
    const type = schema.attributes.get(attr);
    if (!type) throw badRequest(KvsCode.INVALID_ENTITY_VALUE, `Entity '${schema.name}' has no attribute '${attr}' (declared: ${[...schema.attributes.keys()].join(', ')}).`);
    if (v !== undefined && v !== null && !fits(type, v)) {
      throw badRequest(KvsCode.INVALID_ENTITY_VALUE, `Entity '${schema.name}' attribute '${attr}' must be of type ${type}; got ${JSON.stringify(v)?.slice(0, 60)}.`);
    }
  }
}
