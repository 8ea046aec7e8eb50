import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  BASE_IMAGE_TAGS_ANNOTATION,
  PatternResult,
} from '@base-image-tags/plugin-base-image-tags-common';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { baseImageTagsApiRef } from '../api';
import { withDeclaredPatterns } from '../patterns/withDeclaredPatterns';

/** The entity's declared patterns with their results, and how to reload them. */
export interface EntityPatterns {
  /** The entity's ref, e.g. `component:default/payments`. */
  entityRef: string;
  /** The annotation value, empty when the entity declares nothing. */
  annotation: string;
  rows?: PatternResult[];
  loading: boolean;
  error?: Error;
  /** Reads the results again. */
  load: () => Promise<PatternResult[]>;
  /** Shows newer results, e.g. those read while watching a refresh. */
  setRows: (rows: PatternResult[]) => void;
}

/** Loads the results of the patterns an entity declares. */
export function useEntityPatterns(entity: Entity): EntityPatterns {
  const api = useApi(baseImageTagsApiRef);
  const entityRef = stringifyEntityRef(entity);
  const annotation =
    entity.metadata.annotations?.[BASE_IMAGE_TAGS_ANNOTATION]?.trim() ?? '';
  const { kind, metadata } = entity;
  const namespace = metadata.namespace ?? 'default';
  const name = metadata.name;

  const load = useCallback(async () => {
    const results = await api.getEntityPatterns({ kind, namespace, name });
    return withDeclaredPatterns(results, annotation, entityRef);
  }, [api, kind, namespace, name, annotation, entityRef]);

  const [fresh, setFresh] = useState<{
    load: unknown;
    rows: PatternResult[];
  }>();
  const initial = useAsync(
    async () => (annotation ? load() : []),
    [load, annotation],
  );
  const setRows = useCallback(
    (rows: PatternResult[]) => setFresh({ load, rows }),
    [load],
  );

  return {
    entityRef,
    annotation,
    // Newer rows from a refresh apply only to the entity they were read for.
    rows: fresh?.load === load ? fresh.rows : initial.value,
    loading: initial.loading,
    error: initial.error,
    load,
    setRows,
  };
}
