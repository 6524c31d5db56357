import type { Rule } from '../types';
import { annotationValueType } from './annotation-value-type';
import { eipAnnotationDeprecated } from './eip-annotation-deprecated';
import { eniAnnotationObsolete } from './eni-annotation-obsolete';
import { networkPriorityInvalid } from './network-priority-invalid';
import { networkPriorityUnsupported } from './network-priority-unsupported';
import { podIpReservationUnsupported } from './pod-ip-reservation-unsupported';
import { systemAnnotation } from './system-annotation';

/** Pod annotation keys and values: types, priority, IP reservation, obsolete and system keys. */
export const annotationRules: readonly Rule[] = [
  annotationValueType,
  networkPriorityInvalid,
  networkPriorityUnsupported,
  podIpReservationUnsupported,
  eniAnnotationObsolete,
  eipAnnotationDeprecated,
  systemAnnotation,
];
