/**
 * Infrastructure every Code Agent service shares, switched on by auto-configuration: correlation ids,
 * the internal service token, RFC 9457 problem details, HTTP clients for calls between services,
 * secrets read from files and the logging and actuator defaults.
 */
package dev.codeagent.platform;
