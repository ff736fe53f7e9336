/** Context selection: which files of a repository the model should see for an intent. */
package dev.codeagent.contracts.context;
