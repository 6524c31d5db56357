import type { Rule } from '../types';

/** Pod annotation keys and values: types, priority, IP reservation, obsolete and system keys. */
export const annotationRules: readonly Rule[] = [];
