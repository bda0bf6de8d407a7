// The one moddle descriptor of our BPMN extension, shared with the engine's parser (style rule 15): the very file
// src/Workflows/Definitions/qadam.moddle.json, imported, never copied, so the modeler cannot drift from the parser.
import descriptor from '../../../Workflows/Definitions/qadam.moddle.json';

type Descriptor = typeof descriptor;

// Note: moddle rewrites the packages it registers in place (property names become `qadam:labelKk`), so every
// consumer gets its own copy and the panel reads a pristine one.
const pristine: Descriptor = structuredClone(descriptor);

/** The descriptor as written, for reading which attributes exist on which BPMN types. */
export const qadamModdle: Readonly<Descriptor> = pristine;

/** A fresh copy of the descriptor to hand to bpmn-js or bpmn-moddle (`moddleExtensions: { qadam: ... }`). */
export function qadamModdleExtension(): Descriptor {
  return structuredClone(pristine);
}
