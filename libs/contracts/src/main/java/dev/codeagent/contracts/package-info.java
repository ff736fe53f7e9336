/**
 * Records exchanged between the Code Agent services over HTTP/JSON. Every service may depend on this
 * module; no service depends on another service's code. Changing a record here changes a wire contract:
 * add fields, never repurpose them.
 */
package dev.codeagent.contracts;
