package dev.codeagent.healthmonitor.status;

/** Whether a target answered as expected on its latest checks. */
public enum ServiceStatus { UP, DOWN }
